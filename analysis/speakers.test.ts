import { describe, expect, it } from 'vitest';
import { analyzeText } from './analyze';
import { quotesOf, run, speakerNames } from './test-helpers';

describe('attribution: direct cue', () => {
  it('X表示 / X指出 after a descriptor', () => {
    const text = '国家气象中心首席预报员马学款表示,本周南方将有强降雨。';
    expect(quotesOf(text, '马学款')).toEqual([{ text: '本周南方将有强降雨。', via: 'direct' }]);
  });

  it('with a gap: 在…中指出, 对记者说, 最后说', () => {
    expect(speakerNames('市应急管理局局长朱文在讲话中指出,要严防事故。')).toEqual(['朱文']);
    expect(speakerNames('县消防大队队长韩立对记者说,火灾已被扑灭。')).toEqual(['韩立']);
    const text = '专家严华介绍了情况。严华最后说:“大家要注意安全。”';
    expect(quotesOf(text, '严华')).toEqual([{ text: '大家要注意安全。', via: 'direct' }]);
  });

  it('a bare name at a clause start before a speech verb', () => {
    expect(speakerNames('会后,杨丽娟表示,将尽快整改。')).toEqual(['杨丽娟']);
  });

  it('not an organisation or a meeting that speaks', () => {
    expect(speakerNames('水利部表示,将加强调度。会议指出,要压实责任。全会强调,要守牢底线。')).toEqual([]);
    expect(speakerNames('文件指出,各地要加强监测。通知要求,立即开展排查。')).toEqual([]);
  });
});

describe('attribution: one passage, one quote', () => {
  it('a cue inside a passage already quoted (X说,希望…) adds no second, inner quote', () => {
    const text = '专家组组长林海说,希望各地加强会商研判。';
    expect(quotesOf(text, '林海')).toEqual([{ text: '希望各地加强会商研判。', via: 'direct' }]);
  });

  it('two passages of the same speaker stay two', () => {
    const text = '专家组组长林海说,各地要加强会商研判。林海强调,要及时转移群众。';
    expect(quotesOf(text, '林海').map((q) => q.text)).toEqual(['各地要加强会商研判。', '要及时转移群众。']);
  });
});

describe('attribution: pronoun', () => {
  it('他强调 goes to the latest person named before it', () => {
    const text = '市委书记钟华调研防汛工作。他强调,要确保安全度汛。';
    expect(quotesOf(text, '钟华')).toEqual([{ text: '要确保安全度汛。', via: 'pronoun' }]);
  });

  it('他们 and 其他 are not pronoun attributions', () => {
    expect(speakerNames('副市长钟华来到现场。他们表示,会尽快抢修。')).toEqual([]);
    expect(speakerNames('副市长钟华来到现场,其他人表示同意。')).toEqual([]);
  });
});

describe('attribution: zero subject', () => {
  it('…,强调要… continues the subject of the sentence', () => {
    const text = '区长孟凡来到工地,察看安全隐患整改情况,强调要落实主体责任。';
    expect(quotesOf(text, '孟凡')).toEqual([{ text: '要落实主体责任。', via: 'zero-subject' }]);
  });

  it('does not reach back over an anonymous subject or into another paragraph', () => {
    expect(speakerNames('区长孟凡参加会议。\n有关负责同志听取汇报,要求加强值守。')).toEqual([]);
    expect(speakerNames('副区长孟凡参加会议。有关负责同志听取汇报,要求加强值守。')).toEqual([]);
  });

  it('an attendee does not become the subject', () => {
    expect(speakerNames('副区长孟凡、区政府秘书长汪洋出席,要求各部门配合。')).toEqual([]);
  });
});

describe('attribution: quote first', () => {
  it('“…”X说 and “…”X告诉记者,“…”', () => {
    const text = '“今年汛期来得早。”水文专家卢平说。“我们已做好准备。”气象台台长高翔告诉记者,“雨还会下几天。”';
    expect(quotesOf(text, '卢平')).toEqual([{ text: '今年汛期来得早。', via: 'quote-first' }]);
    expect(quotesOf(text, '高翔')).toEqual([
      { text: '我们已做好准备。', via: 'quote-first' },
      { text: '雨还会下几天。', via: 'direct' },
    ]);
  });
});

describe('attribution: according to', () => {
  it('据X介绍', () => {
    const text = '据省地震局副局长冯涛介绍,余震已趋于平稳。';
    expect(quotesOf(text, '冯涛')).toEqual([{ text: '余震已趋于平稳。', via: 'according-to' }]);
  });
});

describe('attribution: transcript turns', () => {
  it('a label line, then its paragraphs until the next label', () => {
    const text = '主持人:\n请介绍今年的工作。\n应急管理部救援协调局局长 蒋平:\n今年我们做了三件事。\n第一是建队伍。\n记者:\n还有呢?';
    expect(quotesOf(text, '蒋平')).toEqual([
      { text: '今年我们做了三件事。', via: 'transcript' },
      { text: '第一是建队伍。', via: 'transcript' },
    ]);
  });

  it('a sound-bite label with the words on the same line, and a bare-name label', () => {
    const text = '市气象局副局长郝云:预计明天降温。\n郝云:\n请大家注意保暖。';
    expect(quotesOf(text, '郝云').map((q) => q.text)).toEqual(['预计明天降温。', '请大家注意保暖。']);
  });

  it('labels that are not people (时间: 来源: 地点:) are not speakers', () => {
    expect(speakerNames('时间:2024年5月12日\n来源:应急管理部\n地点:北京')).toEqual([]);
  });

  it('bracketed label names with spaces inside', () => {
    expect(speakerNames('【李  林】\n我们要把工作做细。')).toEqual(['李林']);
  });
});

describe('attribution: caption', () => {
  it('a caption line with a speech event, then the speech paragraph', () => {
    const text = '北京大学教授邱明致辞\n城市安全是发展的前提,我们要加强研究,提升城市韧性水平。';
    expect(quotesOf(text, '邱明')).toEqual([{ text: '城市安全是发展的前提,我们要加强研究,提升城市韧性水平。', via: 'caption' }]);
  });
});

describe('not speakers', () => {
  it('attendee lists, hosts, invitations and bylines', () => {
    const text =
      '副省长王海、省政府副秘书长严军出席会议。会议由省应急厅厅长林岚主持。\n请省地震局局长蔡文介绍有关情况。\n(记者 丁一)';
    const r = run(text);
    expect(r.speakers).toEqual([]);
    const roles = Object.fromEntries(r.people.map((p) => [p.name, p.role]));
    expect(roles).toMatchObject({ 王海: 'attendee', 严军: 'attendee', 林岚: 'host', 丁一: 'reporter' });
  });

  it('references to the General Secretary’s instructions are not speaker turns', () => {
    expect(speakerNames('习近平总书记强调,要坚持人民至上、生命至上。')).toEqual([]);
  });

  it('an event cue alone (出席活动并发表演讲) gives no words', () => {
    expect(speakerNames('中国工程院院士范明出席活动并发表演讲。')).toEqual([]);
  });
});

describe('reader corrections', () => {
  it('notSpeakers turns a speaker into a mentioned person; personFixes edit fields', () => {
    const text = '省应急管理厅厅长张建国表示,要做好准备。';
    const r = run(text);
    expect(r.speakers.map((s) => s.name)).toEqual(['张建国']);
    const c = analyzeText(text, { notSpeakers: ['张建国'], personFixes: [{ name: '张建国', title: '党组书记、厅长' }] });
    expect(c.speakers).toEqual([]);
    expect(c.people[0]).toMatchObject({ name: '张建国', role: 'mentioned', title: '党组书记、厅长', quotes: [] });
  });
});

describe('verbs said to someone', () => {
  it('leave the addressee before a comma or colon out of the words', () => {
    expect(quotesOf('区气象台首席预报员孙悦提醒广大居民,夜间减少外出。', '孙悦')).toEqual([{ text: '夜间减少外出。', via: 'direct' }]);
    expect(quotesOf('镇长吴刚告诫大家:“千万不要心存侥幸。”', '吴刚').map((q) => q.text)).toEqual(['千万不要心存侥幸。']);
    expect(quotesOf('局长周平呼吁全市各单位,立即开展隐患排查。', '周平').map((q) => q.text)).toEqual(['立即开展隐患排查。']);
  });
  it('keep words that only begin like an addressee, and other verbs as they are', () => {
    // No mark right after the addressee: it is part of the sentence said.
    expect(quotesOf('区长孙悦提醒市民注意防范,不要靠近河道。', '孙悦').map((q) => q.text)).toEqual(['市民注意防范,不要靠近河道。']);
    // Not an addressee word before the comma.
    expect(quotesOf('区长孙悦提醒,今年汛期来得早。', '孙悦').map((q) => q.text)).toEqual(['今年汛期来得早。']);
    expect(quotesOf('区长孙悦提醒汛期提前,各地要早做准备。', '孙悦').map((q) => q.text)).toEqual(['汛期提前,各地要早做准备。']);
    // 表示 is not said to someone.
    expect(quotesOf('区长孙悦表示市民,是城市的主人。', '孙悦').map((q) => q.text)).toEqual(['市民,是城市的主人。']);
  });
});

describe('two speech verbs in a row', () => {
  it('the second verb before the punctuation is part of the frame, not of the words', () => {
    expect(quotesOf('地震台网中心研究员张晓东分析认为,此次地震属于主震—余震型。', '张晓东').map((q) => q.text)).toEqual(['此次地震属于主震—余震型。']);
    expect(quotesOf('省地质调查院专家刘云研判认为:降雨将诱发滑坡。', '刘云').map((q) => q.text)).toEqual(['降雨将诱发滑坡。']);
  });
  it('a verb inside the words stays there', () => {
    // No punctuation after the second verb: it is what was said.
    expect(quotesOf('县长王平说认为不对的要改。', '王平').map((q) => q.text)).toEqual(['认为不对的要改。']);
    expect(quotesOf('县长王平表示,认为不对的要改。', '王平').map((q) => q.text)).toEqual(['认为不对的要改。']);
  });
});

describe('an event or an occasion before the verb that gives the words', () => {
  it('讲话并指出 / 讲话时强调 / 讲话指出: the content verb after the event word', () => {
    for (const frame of ['讲话并指出', '讲话时强调', '讲话指出', '致辞时表示']) {
      expect(quotesOf(`市长钱进${frame},要守牢安全底线。`, '钱进').map((q) => q.text), frame).toEqual(['要守牢安全底线。']);
    }
  });
  it('在回答记者提问时表示: the verb after 时, not the occasion’s 回答', () => {
    expect(quotesOf('局长陈刚在回答记者提问时表示,将严肃追责。', '陈刚').map((q) => q.text)).toEqual(['将严肃追责。']);
    expect(quotesOf('局长陈刚在回答提问时说,将严肃追责。', '陈刚').map((q) => q.text)).toEqual(['将严肃追责。']);
  });
  it('an event word alone gives no words, and 回答 with no later verb stays the verb', () => {
    expect(quotesOf('市长钱进讲话并合影。', '钱进')).toEqual([]);
    expect(quotesOf('局长陈刚回答说,将严肃追责。', '陈刚').map((q) => q.text)).toEqual(['将严肃追责。']);
  });
});

describe('where the words end', () => {
  it('before a sentence that opens with another person', () => {
    expect(quotesOf('省长王凯强调,要扛起防汛责任。副省长刘玉江主持会议。', '王凯').map((q) => q.text)).toEqual(['要扛起防汛责任。']);
  });
  it('not before a sentence of the same speaker’s, nor inside a quotation', () => {
    expect(quotesOf('省长王凯强调,要扛起责任。要加强监测预警。', '王凯').map((q) => q.text)).toEqual(['要扛起责任。要加强监测预警。']);
    expect(quotesOf('省长王凯说:“我们要扛起责任。副省长刘玉江也讲过。”', '王凯').map((q) => q.text)).toEqual(['我们要扛起责任。副省长刘玉江也讲过。']);
  });
  it('before a sentence that opens with a short unknown subject and a speech verb (a name without a surname)', () => {
    expect(quotesOf('副部长宋元明指出,要遏制重特大事故。琼色强调,要加强队伍建设。', '宋元明').map((q) => q.text)).toEqual(['要遏制重特大事故。']);
  });
  it('not before the speaker’s own 我们认为 or an adverb (还特别指出)', () => {
    expect(quotesOf('省长王凯说,要扛起责任。我们认为,这是底线。', '王凯').map((q) => q.text)).toEqual(['要扛起责任。我们认为,这是底线。']);
    expect(quotesOf('省长王凯说,要扛起责任。还特别指出,要落实到位。', '王凯').map((q) => q.text)).toEqual(['要扛起责任。还特别指出,要落实到位。']);
  });
  it('说过 / 讲过 reports an act: no words', () => {
    expect(speakerNames('省长王凯说:“我们要扛起责任。副省长刘玉江同志也说过这一点。”')).toEqual(['王凯']);
  });
});

describe('adverbs between the name and the verb', () => {
  it('一边…一边说 / 一直强调: the name stops before 一, the verb after the adverb counts', () => {
    expect(quotesOf('“我们做好了准备。”消防员周强一边整理装备一边说。', '周强').map((q) => q.text)).toEqual(['我们做好了准备。']);
    expect(quotesOf('队长王刚一直强调,安全第一。', '王刚').map((q) => q.text)).toEqual(['安全第一。']);
  });
  it('a name before 一起/一同 and an attendance verb is no speaker', () => {
    expect(speakerNames('村民李建一起参加了救援。')).toEqual([]);
    expect(run('村民李建一起参加了救援。').people.map((p) => p.name)).toEqual(['李建']);
  });
});

describe('transcripts: a question label with the words on its line', () => {
  it('ends the turn before it, and is nobody’s', () => {
    const text = '主持人 寿小丽:\n下面请提问。\n记者:今年的防汛形势如何?\n刘明:总体平稳。';
    expect(quotesOf(text, '寿小丽').map((q) => q.text)).toEqual(['下面请提问。']);
    expect(quotesOf(text, '刘明').map((q) => q.text)).toEqual(['总体平稳。']);
    expect(speakerNames(text)).toEqual(['寿小丽', '刘明']);
  });
  it('a word that only ends in 问 is no question label', () => {
    const text = '刘明:\n总体平稳。\n顾问:这句不是问题标签。';
    expect(quotesOf(text, '刘明').map((q) => q.text)).toEqual(['总体平稳。', '顾问:这句不是问题标签。']);
  });
});

describe('instructions', () => {
  it('作出指示 / 作出批示 / 具体指示 give the words of the instruction', () => {
    expect(quotesOf('省长李强第一时间作出指示:全力救治伤员,尽快查明原因。', '李强').map((q) => q.text)).toEqual(['全力救治伤员,尽快查明原因。']);
    expect(quotesOf('部长刘丰于会中具体指示,请气象部门持续提供情资。', '刘丰').map((q) => q.text)).toEqual(['请气象部门持续提供情资。']);
    expect(speakerNames('事故发生后,省委书记王东作出批示,要求全力搜救被困人员。')).toEqual(['王东']);
  });
  it('带队检查时要求: the verb after the visit', () => {
    expect(quotesOf('副市长孙杰带队检查时要求,企业要落实主体责任。', '孙杰').map((q) => q.text)).toEqual(['企业要落实主体责任。']);
  });
  it('an instruction only referred to is no words (按照…指示 with nobody named before the verb)', () => {
    expect(speakerNames('各地按照上级指示,迅速开展救援。')).toEqual([]);
  });
});

describe('written words', () => {
  it('撰文指出 / 留言说 / 发文称: the writing verb stands between the name and the speech verb', () => {
    expect(quotesOf('专家王明撰文指出,极端天气将更加频繁。', '王明').map((q) => q.text)).toEqual(['极端天气将更加频繁。']);
    expect(quotesOf('网友张华留言说,感谢救援人员。', '张华').map((q) => q.text)).toEqual(['感谢救援人员。']);
    expect(quotesOf('气象学家陈峰在微博发文称,冷空气将南下。', '陈峰').map((q) => q.text)).toEqual(['冷空气将南下。']);
  });
  it('a written piece mentioned without a speech verb gives no words', () => {
    expect(speakerNames('专家王明撰文三篇。')).toEqual([]);
  });
});

describe('interviews: 问 / 答', () => {
  it('答 is the one person the lead says is interviewed', () => {
    const text = '汛期将至,本报记者专访了省应急管理厅厅长王强。\n问:今年汛情有何特点?\n答:今年降雨偏多。\n问:如何应对?\n答:\n我们将加强监测预警。';
    expect(quotesOf(text, '王强').map((q) => q.text)).toEqual(['今年降雨偏多。', '我们将加强监测预警。']);
  });
  it('nobody when the lead names no interview, or two people', () => {
    expect(speakerNames('省应急管理厅厅长王强出席会议。\n问:今年汛情如何?\n答:降雨偏多。')).toEqual([]);
    expect(speakerNames('记者专访了厅长王强和局长李明。\n问:今年汛情如何?\n答:降雨偏多。')).toEqual([]);
  });
});

describe('an adverbial with 地 before the verb', () => {
  it('two or four characters and 地: the name stops before it, the verb after it counts', () => {
    expect(quotesOf('局长陈刚语重心长地表示,安全生产没有旁观者。', '陈刚').map((q) => q.text)).toEqual(['安全生产没有旁观者。']);
    expect(quotesOf('村民王秀英感激地说,多亏了救援队。', '王秀英').map((q) => q.text)).toEqual(['多亏了救援队。']);
    expect(quotesOf('队长李明自豪地告诉记者,队员们完成了任务。', '李明').map((q) => q.text)).toEqual(['队员们完成了任务。']);
  });
  it('no speech verb after 地: no words', () => {
    expect(speakerNames('队长李明自豪地完成了任务。')).toEqual([]);
    expect(speakerNames('队长李明非常自豪地笑了。')).toEqual([]);
  });
});
