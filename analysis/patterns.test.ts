// One block per attribution pattern of the taxonomy in analysis/README.md. Every sentence here is made up
// for the test (none is taken from the labelled corpus), with a positive and a negative case per pattern.
import { describe, expect, it } from 'vitest';
import { person, quotesOf, speakerNames } from './test-helpers';

describe('transcript layouts', () => {
  it('caption <org><title><name>(… 摄), then a bare-name label, then the speech', () => {
    const text = '省应急管理厅厅长吴振宇(李明 摄)\n吴振宇:\n今年我们重点抓好三件事。第一是隐患排查。';
    expect(speakerNames(text)).toEqual(['吴振宇']);
    expect(person(text, '吴振宇')).toMatchObject({ title: '厅长', org: '省应急管理厅' });
    expect(person(text, '李明')?.role).toBe('reporter');
  });

  it('a caption alone is no speech', () => {
    expect(speakerNames('省应急管理厅厅长吴振宇(李明 摄)\n\n全省各地加强值守。')).toEqual([]);
  });

  it('live text: `- <name>:` turns after timestamps; 主持人/记者/media labels are not people', () => {
    const text = '10:02\n- 张海峰:各位好,今天介绍汛期工作。\n10:05\n- 主持人:请记者提问。\n- 记者:请问今年汛情如何?\n- 新华网:还有哪些准备?\n- 张海峰:总体偏重,我们已经备足物资。';
    expect(speakerNames(text)).toEqual(['张海峰']);
    expect(quotesOf(text, '张海峰').map((q) => q.text)).toEqual(['各位好,今天介绍汛期工作。', '总体偏重,我们已经备足物资。']);
  });

  it('问/答 interviews: a named answer label speaks; anonymous 答 does not', () => {
    expect(speakerNames('问:今年防汛形势怎样?\n孔德明:总体偏重,我们已经做好准备。')).toEqual(['孔德明']);
    expect(speakerNames('问:条例有哪些新规定?\n答:主要有三个方面。\n问:何时施行?\n答:明年起施行。')).toEqual([]);
  });

  it('a speaker invited in the lead (请…介绍) who then speaks under a bare-name label', () => {
    const text = '发布会请市应急管理局局长孔德明、副局长谢芳介绍情况。\n孔德明:\n感谢各位。今年以来全市没有发生较大事故。';
    expect(speakerNames(text)).toEqual(['孔德明']);
    expect(person(text, '孔德明')).toMatchObject({ title: '局长', org: '市应急管理局' });
  });

  it('an invitation alone is no speech, however long the list', () => {
    expect(speakerNames('会议请市水务局局长孔德明,市气象局副局长谢芳,市消防救援支队支队长黄永强介绍情况。')).toEqual([]);
  });
});

describe('verbs and frames of opinion', () => {
  it('a short aside in brackets between the name and the verb: (右一), (化名)', () => {
    expect(speakerNames('县气象局副局长苗雨(右一)在现场表示,雨势将减弱。')).toEqual(['苗雨']);
    expect(speakerNames('受灾村民王秀芝(化名)说,房子保住了。')).toEqual(['王秀芝']);
    // A bracket that is a credit or a long note is no aside.
    expect(speakerNames('县气象局副局长苗雨(记者 孙小雨 摄)')).toEqual([]);
  });

  it('在<descriptor><name>看来,…', () => {
    const text = '在市气象局首席专家罗文涛看来,今年台风偏多。';
    expect(speakerNames(text)).toEqual(['罗文涛']);
    expect(quotesOf(text, '罗文涛')[0].text).toBe('今年台风偏多。');
  });

  it('看来 without 在 is not an attribution', () => {
    expect(speakerNames('副县长罗文涛来到现场。看来今年的汛期比往年更早。')).toEqual([]);
  });

  it('认为 / 坦言 / 直言 / 建议 / 呼吁', () => {
    for (const verb of ['认为', '坦言', '直言', '建议', '呼吁']) {
      expect(speakerNames(`应急管理大学教授卢海涛${verb},基层力量仍需加强。`)).toEqual(['卢海涛']);
    }
  });

  it('在接受…采访时说 / 对记者说', () => {
    expect(speakerNames('县消防救援大队大队长孔德明在接受本报记者采访时说,火情已经控制。')).toEqual(['孔德明']);
    expect(speakerNames('市水务局副局长许晓光对记者说,水库水位正常。')).toEqual(['许晓光']);
  });

  it('据<name>介绍', () => {
    const text = '据市水务局副局长许晓光介绍,全市已储备编织袋十万条。';
    expect(quotesOf(text, '许晓光')).toEqual([{ text: '全市已储备编织袋十万条。', via: 'according-to' }]);
  });

  it('split quotes around the attribution', () => {
    const text = '“今年汛期来得早,”市水务局副局长许晓光说,“我们必须提前准备。”';
    expect(quotesOf(text, '许晓光').map((q) => q.text)).toEqual(['今年汛期来得早,', '我们必须提前准备。']);
  });

  it('a gesture or adverbial before the colon: <name>笑着摇了摇头:“…”', () => {
    expect(speakerNames('市气象台台长罗文涛笑着摇了摇头:“今年不一样。”')).toEqual(['罗文涛']);
    expect(speakerNames('护林员高建民指着山坡:“那里去年着过火。”')).toEqual(['高建民']);
  });

  it('a speech verb written with its own 称/道 (分析称, 介绍道): the words start after it', () => {
    expect(quotesOf('省气候中心主任韩冬分析称,今年冬季偏暖。', '韩冬')).toEqual([{ text: '今年冬季偏暖。', via: 'direct' }]);
    // 称 as the first word of the speech itself stays (no punctuation right after it).
    expect(quotesOf('省气候中心主任韩冬表示,称重设备已经检修。', '韩冬')).toEqual([{ text: '称重设备已经检修。', via: 'direct' }]);
  });

  it('no speech frame without a person, or when the colon introduces a theme', () => {
    expect(speakerNames('活动的主题是:“人人讲安全”。')).toEqual([]);
    expect(speakerNames('副县长高建民的口号是:“隐患不除不收兵。”')).toEqual([]);
  });
});

describe('coordinated subjects', () => {
  it('A、B…作出部署,要求…: every person of the subject speaks', () => {
    const text = '地震发生后,省委书记沈立新、省长高振东第一时间作出部署,要求全力搜救被困群众。';
    expect(speakerNames(text)).toEqual(['沈立新', '高振东']);
    expect(speakerNames('副市长沈立新和消防支队支队长高振东表示,火场已经清理完毕。')).toEqual(['沈立新', '高振东']);
  });

  it('a list that only attends stays silent', () => {
    expect(speakerNames('省委书记沈立新、省长高振东出席会议。')).toEqual([]);
  });
});

describe('names', () => {
  it('middle-dot names and their later short forms are one speaker', () => {
    const text = '联合国减灾署官员卡米拉·沃尔特斯表示,预警要覆盖每个人。沃尔特斯还说,资金仍有缺口。';
    expect(speakerNames(text)).toEqual(['卡米拉·沃尔特斯']);
    expect(person(text, '卡米拉·沃尔特斯')?.quotes).toHaveLength(2);
  });

  it('a short form met before the full name still reports the full name', () => {
    const text = '专访萨利赫\n气象专家阿卜杜勒·卡里姆·萨利赫说,热浪会更频繁。';
    expect(speakerNames(text)).toEqual(['阿卜杜勒·卡里姆·萨利赫']);
  });

  it('a foreign name written without a dot after a title (four to six transliteration characters)', () => {
    const text = '联合国秘书长古特雷斯在致辞中指出,气候危机正在加剧。古特雷斯还说,预警要覆盖每个人。';
    expect(speakerNames(text)).toEqual(['古特雷斯']);
    expect(person(text, '古特雷斯')?.quotes).toHaveLength(2);
    expect(speakerNames('世界气象组织秘书长塞莱斯特·绍洛表示,早期预警可以挽救生命。')).toEqual(['塞莱斯特·绍洛']);
  });

  it('a three-character Chinese name of such characters stays a Chinese name', () => {
    expect(speakerNames('科长林丽娜说,隐患已整改。')).toEqual(['林丽娜']);
    expect(speakerNames('秘书长图片来源于网络。')).toEqual([]);
  });

  it('a middle dot that joins no names is nothing', () => {
    expect(speakerNames('会议·论坛·展览表示欢迎。')).toEqual([]);
  });

  it('compound surnames', () => {
    const text = '副县长司马建国出席会议并讲话。司马建国强调,要守住底线。';
    expect(speakerNames(text)).toEqual(['司马建国']);
  });

  it('a two-character name directly followed by the verb', () => {
    expect(speakerNames('村支书刘明说,堤坝已经加固。')).toEqual(['刘明']);
  });
});

describe('traps that are not speakers', () => {
  it('<A>代表<B>…表示感谢: only A speaks', () => {
    expect(speakerNames('市长张卫东:\n我代表市政府和刘建华书记,向救援队员表示衷心感谢!')).toEqual(['张卫东']);
  });

  it('a named A in <A>代表<B>和<C>,向…表示…: A speaks past the list and the comma; B and C do not', () => {
    expect(speakerNames('县长严思远代表县政府和县委书记柯明,向消防指战员表示慰问。')).toEqual(['严思远']);
    // No cue in the sentence: no speech.
    expect(speakerNames('县长严思远代表县政府和县委书记柯明看望消防指战员。')).toEqual([]);
  });

  it('people who only attend, accompany, host or meet', () => {
    expect(speakerNames('副市长刘建华出席会议。')).toEqual([]);
    expect(speakerNames('省长赵立新会见了代表团。')).toEqual([]);
    expect(speakerNames('区委书记钱江陪同调研。')).toEqual([]);
    expect(speakerNames('市委常委孙志远主持会议。')).toEqual([]);
  });

  it('reporters, photographers and editors', () => {
    const text = '本报讯(记者 孙小雨)全市开展消防演练。\n(孙小雨 摄)\n责任编辑:何婷婷';
    expect(speakerNames(text)).toEqual([]);
  });

  it('after a title, an everyday character that is a rare surname (应, 和) starts no name unless the name ends well', () => {
    expect(speakerNames('局长孙立强调,市民应做好防风准备。')).toEqual(['孙立']);
    expect(person('局长孙立强调,市民应做好防风准备。', '应做好')).toBeUndefined();
    expect(person('记者来到村民应国华家中。应国华说,房子保住了。', '应国华')?.role).toBe('speaker');
  });

  it('names inside organisation or place names', () => {
    expect(speakerNames('马鞍山市应急管理局表示,将加强巡查。')).toEqual([]);
  });

  it('会议指出 / 会议强调: the meeting speaks', () => {
    expect(speakerNames('市委书记钱江主持会议。会议指出,要压实责任。会议强调,要守牢底线。')).toEqual([]);
  });
});

describe('roles', () => {
  it('the title and organisation nearest the first mention', () => {
    const text = '省应急管理厅党委书记、厅长王建军表示,要抓好落实。';
    expect(person(text, '王建军')).toMatchObject({ title: '党委书记、厅长', org: '省应急管理厅' });
  });

  it('a shared organisation prefix stands only before the first person of a list', () => {
    const text = '应急管理部救援协调局局长许一鸣、风险监测司司长梁志强表示,将加强会商。';
    expect(person(text, '许一鸣')).toMatchObject({ title: '局长', org: '应急管理部救援协调局' });
    expect(person(text, '梁志强')).toMatchObject({ title: '司长', org: '风险监测司' });
  });

  it('a bare region before the title belongs to the title (heads of regional governments)', () => {
    expect(person('内蒙古自治区副主席黄立平表示,要抓好防火。', '黄立平')).toMatchObject({ title: '内蒙古自治区副主席', org: '' });
    expect(person('云岭省副省长杜向阳指出,要严防山火。', '杜向阳')).toMatchObject({ title: '云岭省副省长', org: '' });
    expect(person('云岭省应急管理厅厅长杜向阳指出,要严防山火。', '杜向阳')).toMatchObject({ title: '厅长', org: '云岭省应急管理厅' });
    // The region's unit inside the title word (市委常委): the place name before it is no organisation either.
    expect(person('青川市委常委、副市长蒲海林指出,要严防山火。', '蒲海林')).toMatchObject({ title: '青川市委常委、副市长', org: '' });
    expect(person('青川市应急管理局局长蒲海林指出,要严防山火。', '蒲海林')).toMatchObject({ title: '局长', org: '青川市应急管理局' });
  });

  it('an organisation inside a title chain (…、<org><title>) is the organisation when none stands before it', () => {
    const text = '党组成员、市气象局副局长林晓峰表示,降雨将持续。';
    expect(person(text, '林晓峰')).toMatchObject({ title: '党组成员、市气象局副局长', org: '市气象局' });
    // An organisation before the chain keeps the first place; a region inside the chain is no organisation.
    expect(person('县水利局局长、县防汛办主任梅东表示,水库正常。', '梅东')).toMatchObject({ title: '局长、县防汛办主任', org: '县水利局' });
    expect(person('副书记、市委常委陆远航表示,要压实责任。', '陆远航')).toMatchObject({ org: '' });
  });

  it('a list member with a title only shares the organisation of the person before', () => {
    const text = '市地震局局长汤明远、副局长程雪梅,市水务局局长宁海川出席会议。程雪梅表示,台网运行正常。';
    expect(person(text, '程雪梅')).toMatchObject({ title: '副局长', org: '市地震局' });
    expect(person(text, '宁海川')).toMatchObject({ title: '局长', org: '市水务局' });
    // Another office (县长, 监察专员) is not taken to belong to the previous person's body.
    expect(person('县应急管理局局长汤明远、县长程雪梅出席会议。', '程雪梅')).toMatchObject({ org: '' });
    expect(person('部里救灾司司长汤明远、监察专员程雪梅出席会议。', '程雪梅')).toMatchObject({ org: '' });
  });

  it('和/与 inside an organisation name does not cut the descriptor', () => {
    expect(person('省气象局预报与减灾服务处处长温雅丽表示,强降雨还将持续。', '温雅丽')).toMatchObject({ title: '处长', org: '省气象局预报与减灾服务处' });
    expect(person('县安全生产执法和危化品监管科科长温雅丽表示,要加强检查。', '温雅丽')).toMatchObject({ title: '科长', org: '县安全生产执法和危化品监管科' });
    // Between two people, or before a bare title, 和 still separates.
    const text = '副市长洪一帆和市应急管理局局长温雅丽表示,要加强值守。';
    expect(person(text, '温雅丽')).toMatchObject({ title: '局长', org: '市应急管理局' });
    expect(person('市长和副市长温雅丽表示,要加强值守。', '温雅丽')).toMatchObject({ title: '副市长' });
  });

  it('委员 and representatives (驻华代表, 首席代表) are titles', () => {
    expect(person('省政协委员简凌云说,要完善避险设施。', '简凌云')).toMatchObject({ title: '委员', org: '省政协' });
    expect(person('某国际组织驻华代表简凌云表示,愿意分享经验。', '简凌云')?.role).toBe('speaker');
    expect(speakerNames('专家委员会表示,风险可控。')).toEqual([]);
  });

  it('<org>负责人<name>: a named person after 负责人 / 工作人员', () => {
    const text = '县林业局相关负责人俞志平告诉记者,火场已经清理完毕。';
    expect(speakerNames(text)).toEqual(['俞志平']);
    expect(person(text, '俞志平')).toMatchObject({ title: '相关负责人', org: '县林业局' });
    expect(speakerNames('县林业局相关负责人告诉记者,火场已经清理完毕。')).toEqual([]);
    expect(speakerNames('有关负责人向记者介绍,火场已经清理完毕。')).toEqual([]);
  });

  it('a title after the name when there is no descriptor before it', () => {
    const text = '王荣华市长主持召开会议。王荣华指出,要守牢底线。';
    expect(person(text, '王荣华')).toMatchObject({ title: '市长', org: '' });
  });

  it('a descriptor before the name wins over a title after it', () => {
    const text = '市减灾办主任董立新接受采访。董立新主任说,物资已经到位。';
    expect(person(text, '董立新')).toMatchObject({ title: '主任', org: '市减灾办' });
  });
});

// Policy phrases made by patterns rather than listed one by one (policy-patterns.json).
import { phraseTexts } from './test-helpers';

describe('policy phrase patterns', () => {
  it('<hazard><colour>预警(信号) and <hazard><level>预警', () => {
    expect(phraseTexts('市气象台发布寒潮蓝色预警信号,随后升级为大风橙色预警。')).toEqual(['寒潮蓝色预警信号', '大风橙色预警']);
    expect(phraseTexts('省地震局未发布海啸Ⅱ级预警。')).toEqual(['海啸Ⅱ级预警']);
    expect(phraseTexts('他穿着一件橙色外套,看到预警后回家。')).toEqual([]);
  });

  it('response levels with a hazard prefix, Roman or Chinese numerals', () => {
    expect(phraseTexts('省防指启动防汛Ⅳ级应急响应,后提升至三级应急响应。')).toEqual(['防汛Ⅳ级应急响应', '三级应急响应']);
    expect(phraseTexts('这座楼有三级台阶。')).toEqual([]);
  });

  it('Hong Kong signals and fire alarm levels', () => {
    expect(phraseTexts('天文台改发八号烈风或暴风信号,早前为三号强风信号。')).toEqual(['八号烈风或暴风信号', '三号强风信号']);
    expect(phraseTexts('消防处将火警升为四级火警。')).toEqual(['四级火警']);
    expect(phraseTexts('他住在三号楼。')).toEqual([]);
  });

  it('named disasters and accidents', () => {
    expect(phraseTexts('要汲取某地“8·12”山洪灾害的教训。')).toContain('“8·12”山洪灾害');
    expect(phraseTexts('认真汲取洛川港特别重大爆炸事故教训。')).toEqual(['洛川港特别重大爆炸事故']);
    expect(phraseTexts('这是一次重大的胜利。')).toEqual([]);
  });

  it('formulas: 遏制重特大事故, 百年奋斗目标, decree numbers, shared-tail enumerations', () => {
    expect(phraseTexts('坚决防范遏制重特大事故。')).toEqual(['坚决防范遏制重特大事故']);
    expect(phraseTexts('第二个百年奋斗目标')).toEqual(['第二个百年奋斗目标']);
    expect(phraseTexts('以第812号国务院令公布。')).toEqual(['第812号国务院令']);
    expect(phraseTexts('做到属地担责、行业履责、企业负责。')).toEqual(['属地担责、行业履责、企业负责']);
    expect(phraseTexts('购买了道路运输、铁路运输、航空运输的保险。')).toEqual([]);
  });

  it('systems and centres with a domain head', () => {
    expect(phraseTexts('构建新时代国家应急救援体系。')).toEqual(['新时代国家应急救援体系']);
    expect(phraseTexts('完善山洪灾害监测预警系统。')).toEqual(['山洪灾害监测预警系统']);
    expect(phraseTexts('县政府成立地震灾害应变中心。')).toEqual(['地震灾害应变中心']);
    expect(phraseTexts('公司升级了财务系统。')).toEqual([]);
  });

  it('named meetings and mechanisms start after a verb or punctuation, never inside the verb', () => {
    expect(phraseTexts('省政府召开汛前防汛整备会议。')).toEqual(['汛前防汛整备会议']);
    expect(phraseTexts('双方通过中日韩灾害管理部长级合作机制开展交流。')).toEqual(['中日韩灾害管理部长级合作机制']);
    expect(phraseTexts('他要去开会。')).toEqual([]);
  });

  it('<domain>任务/行动 and 最大限度减少…', () => {
    expect(phraseTexts('完成灾后救援任务,要最大限度减少人员伤亡。')).toEqual(['灾后救援任务', '最大限度减少人员伤亡']);
    expect(phraseTexts('他完成了学习任务。')).toEqual([]);
  });

  it('numbered formulas: N个<head> (两个至上, 三个必须), numeral pairs ending in a governance word (一岗双责), N不放过', () => {
    expect(phraseTexts('坚持三个务必,落实两个维护、四个意识。')).toEqual(['三个务必', '两个维护', '四个意识']);
    expect(phraseTexts('推行一区双查,落实三查三改,做到四不放过。')).toEqual(['一区双查', '三查三改', '四不放过']);
    // Ordinary counts and idioms are no formulas.
    expect(phraseTexts('他一年两次去检查,三个人一起到位,四面八方赶来。')).toEqual([]);
    expect(phraseTexts('这个一举两得的办法很好。')).toEqual([]);
  });

  it('local plenums, numbered sessions, dated work meetings after a verb', () => {
    expect(phraseTexts('市委九届六次全会提出要求。')).toEqual(['市委九届六次全会']);
    expect(phraseTexts('县政府第二十一次常务会议研究了方案。')).toEqual(['县政府第二十一次常务会议']);
    expect(phraseTexts('市里召开2026年森林防火工作会议。')).toEqual(['2026年森林防火工作会议']);
    expect(phraseTexts('他第三次参加会议,一年开了六次会议。')).toEqual([]);
    expect(phraseTexts('他们召开工作会议。')).toEqual([]);
  });

  it('the leader formulas …重要讲话精神 / 重要指示批示精神 and …体系和能力现代化', () => {
    expect(phraseTexts('学习贯彻总书记在视察灾区时的重要讲话精神。')).toEqual(['总书记在视察灾区时的重要讲话精神']);
    expect(phraseTexts('认真落实重要指示批示精神,推进消防救援体系和能力现代化。')).toEqual(['重要指示批示精神', '消防救援体系和能力现代化']);
    expect(phraseTexts('他发表了重要讲话,学校实现了现代化。')).toEqual([]);
  });

  it('enumerated responsibilities (…责任、…责任、…责任) start after the verb', () => {
    expect(phraseTexts('压实属地管理责任、行业监管责任、单位主体责任。')).toEqual(['属地管理责任、行业监管责任、单位主体责任']);
    expect(phraseTexts('层层落实县级领导责任、乡镇属地责任、村组包保责任。')).toEqual(['县级领导责任、乡镇属地责任、村组包保责任']);
    expect(phraseTexts('他负有领导责任、直接责任。')).toEqual([]);
  });

  it('named disasters <place>特大<hazard> and the 不发生重特大事故的底线 formula', () => {
    expect(phraseTexts('纪念舟曲特大山洪十五周年,坚决守住不发生重特大事故的底线。')).toEqual(['舟曲特大山洪', '守住不发生重特大事故的底线']);
    expect(phraseTexts('当地发生特大暴雨,这次特大洪水损失严重。')).toEqual([]);
  });

  it('named campaigns <domain>专项整治/攻坚行动/三年行动 start after the verb', () => {
    expect(phraseTexts('全市开展燃气管道安全专项整治三年行动。')).toEqual(['燃气管道安全专项整治三年行动']);
    expect(phraseTexts('启动自建房安全百日攻坚行动。')).toEqual(['自建房安全百日攻坚行动']);
    expect(phraseTexts('他们开展了专项行动,要持续开展整治行动。')).toEqual([]);
  });

  it('<hazard>气象风险预警, a domain between the level and 应急响应, 会商会', () => {
    expect(phraseTexts('联合发布山洪灾害气象风险预警,启动四级防汛应急响应。')).toEqual(['山洪灾害气象风险预警', '四级防汛应急响应']);
    expect(phraseTexts('局长主持召开防台风会商会。')).toEqual(['防台风会商会']);
    expect(phraseTexts('投资存在风险预警,他们召开会商会。')).toEqual([]);
  });

  it('a year range inside a 《》 plan title', () => {
    expect(phraseTexts('印发《城市防洪工作计划(2026-2030)》。')).toEqual(['《城市防洪工作计划(2026-2030)》']);
  });

  it('a title in 《》 before 报告/白皮书 even without a document suffix', () => {
    expect(phraseTexts('发布题为《炎热之夏:热浪与干旱》的报告。')).toEqual(['《炎热之夏:热浪与干旱》']);
    expect(phraseTexts('他读了《边城》。')).toEqual([]);
  });
});
