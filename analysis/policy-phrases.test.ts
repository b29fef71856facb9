import { describe, expect, it } from 'vitest';
import { analyzeText } from './analyze';
import { phraseTexts, run } from './test-helpers';

const phrase = (text: string, t: string) => run(text).phrases.find((p) => p.text === t);

describe('lexicon terms', () => {
  it('marks curated terms with their category and source', () => {
    const text = '要坚持总体国家安全观,推进安全生产治本攻坚三年行动。';
    expect(phrase(text, '总体国家安全观')).toMatchObject({ category: 'doctrine', source: 'lexicon' });
    expect(phrase(text, '安全生产治本攻坚三年行动')).toMatchObject({ category: 'programme', source: 'lexicon' });
  });

  it('keeps the longest term and drops the one inside it', () => {
    expect(phraseTexts('提升防灾减灾救灾能力。')).toEqual(['防灾减灾救灾']);
  });

  it('does not count a term inside an organisation name or a title', () => {
    expect(phraseTexts('工业和信息化部安全生产司司长出席。')).toEqual([]);
    expect(phraseTexts('清华大学公共安全研究院发布报告。')).toEqual([]);
    expect(phraseTexts('安全生产监察专员边卫华出席。')).toEqual([]);
    expect(phraseTexts('抓好安全生产部署。')).toEqual(['安全生产']);
    // A one-character unit ends the organisation only where a title follows it.
    expect(phraseTexts('应急管理部安全生产协调司司长出席。')).toEqual([]);
    expect(phraseTexts('抓好安全生产协调局面。')).toEqual(['安全生产']);
    // Nouns that begin with a unit character (科学, 社会) inside a body's name; a verb (部署) ends it.
    expect(phraseTexts('论坛由中国安全生产科学研究院主办。')).toEqual([]);
    expect(phraseTexts('推进安全生产科学发展,把安全生产部署好。')).toEqual(['安全生产', '安全生产']);
  });

  it('set formulas of safety and flood work (stop 20 additions, sentences of our own)', () => {
    expect(phraseTexts('要从源头上防范化解重大安全风险,推动公共安全治理模式向事前预防转型。')).toEqual(['防范化解重大安全风险', '公共安全治理模式向事前预防转型']);
    expect(phraseTexts('推进“平急两用”公共基础设施建设,全面强化河湖长制。')).toEqual(['平急两用', '河湖长制']);
    expect(phraseTexts('坚持关口前移,加快病险水库除险加固。')).toEqual(['关口前移', '病险水库除险加固']);
    // The words alone, outside the formulas, are no phrase.
    expect(phraseTexts('他说关口已经打开,水库前移了两米。')).toEqual([]);
  });

  it('named earthquakes by place and magnitude, not a magnitude after a verb or a time', () => {
    expect(phraseTexts('青海玛多7.4级地震发生后,救援力量迅速集结。')).toEqual(['青海玛多7.4级地震']);
    expect(phraseTexts('此次地震为东海海域6.1级地震的余震。')).toEqual(['东海海域6.1级地震']);
    expect(phraseTexts('县城发生5.0级地震。')).toEqual([]);
    expect(phraseTexts('今天凌晨5.0级地震造成房屋受损。')).toEqual([]);
    expect(phraseTexts('一次5.0级地震。')).toEqual([]);
  });

  it('a second meeting after 和, the national warning release system, the whole 重要论述和重要指示批示精神', () => {
    expect(phraseTexts('召开防汛工作会议和地质灾害防治专题会议。')).toEqual(['防汛工作会议', '地质灾害防治专题会议']);
    expect(phraseTexts('用好国家突发事件预警信息发布系统。')).toEqual(['国家突发事件预警信息发布系统']);
    expect(phraseTexts('学习习近平总书记关于防灾减灾的重要论述和重要指示批示精神。')).toEqual(['习近平总书记关于防灾减灾的重要论述和重要指示批示精神']);
    // 和 starts no meeting name of its own inside another word.
    expect(phraseTexts('他和同事开会。')).toEqual([]);
  });

  it('a five-year plan named between its period and 规划, a campaign after 推动, the key programmes', () => {
    expect(phraseTexts('做好“十五五”综合防灾减灾规划编制。')).toEqual(['“十五五”综合防灾减灾规划']);
    // A verb or a year between the period and 规划: the period alone.
    expect(phraseTexts('“十四五”收官之年全面完成规划目标。')).toEqual(['“十四五”']);
    expect(phraseTexts('推动危险化学品安全专项整治。')).toEqual(['危险化学品安全专项整治']);
    expect(phraseTexts('实施自然灾害防治九项重点工程,加快建设国家区域应急救援中心。')).toEqual(['自然灾害防治九项重点工程', '国家区域应急救援中心']);
  });

  it('national response levels named with their system, and the safety-production turn to prevention', () => {
    expect(phraseTexts('启动国家地震灾害二级应急响应。')).toEqual(['国家地震灾害二级应急响应']);
    expect(phraseTexts('推进安全生产治理模式向事前预防转型。')).toEqual(['安全生产治理模式向事前预防转型']);
  });

  it('named typhoons without their number', () => {
    expect(phraseTexts('受台风“杜苏芮”残余环流影响,超强台风“山竹”之后又一强热带风暴“海葵”来袭。')).toEqual(['台风“杜苏芮”', '超强台风“山竹”', '强热带风暴“海葵”']);
    expect(phraseTexts('第5号台风“杜苏芮”登陆。')).toEqual(['第5号台风“杜苏芮”']);
    expect(phraseTexts('台风过后,“山竹”一词成了热词。')).toEqual([]);
  });

  it('matches a slogan whatever sets its parts apart: 、, a comma or nothing', () => {
    for (const form of ['宁听骂声、不听哭声', '宁听骂声,不听哭声', '宁听骂声不听哭声', '寧聽罵聲不聽哭聲']) expect(phraseTexts(`坚持${form}。`), form).toEqual([form]);
    expect(phraseTexts('要做到人民至上,生命至上。')).toEqual(['人民至上,生命至上']);
    // Half of a slogan alone is no slogan.
    expect(phraseTexts('宁听骂声也要讲。')).toEqual([]);
  });

  it('matches a theme printed with a space or a full-width comma', () => {
    expect(phraseTexts('主题是“提升基层应急能力,筑牢防灾减灾救灾的人民防线”')[0]).toBe('提升基层应急能力,筑牢防灾减灾救灾的人民防线');
    expect(phraseTexts('就“提升基层应急能力 筑牢防灾减灾救灾的人民防线”接受采访')[0]).toBe('提升基层应急能力 筑牢防灾减灾救灾的人民防线');
    expect(phraseTexts('主题是“提升基层应急能力，筑牢防灾减灾救灾的人民防线”')[0]).toBe('提升基层应急能力，筑牢防灾减灾救灾的人民防线');
  });
});

describe('patterns', () => {
  it('plenums and party congresses', () => {
    expect(phraseTexts('深入学习贯彻党的二十届三中全会精神。')).toEqual(['党的二十届三中全会精神']);
    expect(phraseTexts('学习十九届六中全会公报。')).toEqual(['十九届六中全会']);
    expect(phraseTexts('第三届中国应急管理论坛开幕。')).toEqual([]);
  });

  it('five-year plans', () => {
    expect(phraseTexts('编制“十五五”规划。')).toEqual(['“十五五”规划']);
  });

  it('documents in 《》 with a document suffix, but not programmes or books', () => {
    expect(phraseTexts('贯彻《中华人民共和国突发事件应对法》和《森林草原防灭火条例(草案)》。')).toEqual([
      '《中华人民共和国突发事件应对法》',
      '《森林草原防灭火条例(草案)》',
    ]);
    expect(phraseTexts('接受了《应急管理365》栏目专访。')).toEqual([]);
  });

  it('the General Secretary’s instructions on a subject', () => {
    expect(phraseTexts('学习习近平总书记关于防灾减灾救灾的重要论述。')).toEqual(['习近平总书记关于防灾减灾救灾的重要论述']);
    expect(phraseTexts('贯彻习近平总书记关于安全生产的重要指示精神。')).toEqual(['习近平总书记关于安全生产的重要指示精神']);
  });

  it('group study sessions and named province-wide meetings', () => {
    expect(phraseTexts('在中央政治局第十九次集体学习时。')).toEqual(['中央政治局第十九次集体学习']);
    expect(phraseTexts('全市汛期地质灾害防治工作推进会召开。')).toEqual(['全市汛期地质灾害防治工作推进会']);
    expect(phraseTexts('会议以电视电话会议形式召开。')).toEqual([]);
  });

  it('emergency response levels', () => {
    expect(phraseTexts('启动四级应急服务响应。')).toEqual(['四级应急服务响应']);
    expect(phraseTexts('启动Ⅳ级应急响应。')).toEqual(['Ⅳ级应急响应']);
    expect(phraseTexts('三级台阶。')).toEqual([]);
  });
});

describe('quoted slogans', () => {
  it('numbered slogans', () => {
    expect(phraseTexts('落实“三查三改”要求,做到“两个确保”。')).toEqual(['三查三改', '两个确保']);
  });

  it('enumerations inside quotes', () => {
    expect(phraseTexts('做到“早发现、早报告、早处置”。')).toEqual(['早发现、早报告、早处置']);
    expect(phraseTexts('推行“清单+闭环”管理。')).toEqual(['清单+闭环']);
  });

  it('quotes that end in a programme word, or follow a programme verb', () => {
    expect(phraseTexts('开展“百日清患行动”。')).toEqual(['百日清患行动']);
    expect(phraseTexts('筑牢冬季“防火墙”。')).toEqual(['防火墙']);
    expect(phraseTexts('以“一户一策”的要求推进。')).toEqual(['一户一策']);
  });

  it('not quoted speech, single characters, citations or plain words in quotes', () => {
    expect(phraseTexts('他说:“我们一定会把这件事情做好做实。”')).toEqual([]);
    expect(phraseTexts('汛情发生“早”、量级“大”。')).toEqual([]);
    expect(phraseTexts('古语云,“明者远见于未萌,智者避危于未形”。')).toEqual([]);
    expect(phraseTexts('以前没少“挠头”,地下“看不见”的风险。')).toEqual([]);
  });
});

describe('enumerated short items', () => {
  it('一是…二是… with short items', () => {
    expect(phraseTexts('概括起来,一是防得住,二是救得快,三是管得严。')).toEqual(['防得住', '救得快', '管得严']);
  });

  it('not long items or a lone item', () => {
    expect(phraseTexts('一是事故总量持续下降,二是重大事故大幅下降。')).toEqual([]);
    expect(phraseTexts('原因之一是雨大。')).toEqual([]);
  });
});

describe('reader corrections', () => {
  it('adds the reader’s own terms and removes terms never to mark', () => {
    const text = '推进安全生产和平安校园建设。';
    const r = analyzeText(text, { addedTerms: [{ text: '平安校园', category: 'programme' }], removedTerms: ['安全生产'] });
    expect(r.phrases.map((p) => [p.text, p.source, p.category])).toEqual([['平安校园', 'reader', 'programme']]);
    // The built-in lexicon is untouched for other calls.
    expect(phraseTexts(text)).toEqual(['安全生产']);
  });
});

describe('ordering', () => {
  it('phrases are sorted by start with no duplicate spans', () => {
    const r = run('“四预”措施和“四预”要求;安全生产、安全生产。');
    const starts = r.phrases.map((p) => p.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const keys = r.phrases.map((p) => `${p.start}:${p.end}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(r.phrases.map((p) => p.text)).toEqual(['四预', '四预', '安全生产', '安全生产']);
  });
});
