import { describe, expect, it } from 'vitest';
import { person, run } from './test-helpers';

const names = (text: string) => run(text).people.map((p) => p.name);

describe('names after a title', () => {
  it('reads a two-character given name', () => {
    expect(names('昨天,省应急管理厅厅长张建国表示,要做好准备。')).toContain('张建国');
  });

  it('reads a one-character given name when the text goes on with a function word', () => {
    expect(names('副县长刘洋在会上说,要抓好落实。')).toContain('刘洋');
    expect(names('局长李平、副局长王刚出席会议。')).toEqual(expect.arrayContaining(['李平', '王刚']));
  });

  it('uses the rest of the article to decide the length (马军以… / 马军来到…)', () => {
    const text = '市长马军以“四不两直”方式检查工作。马军首先来到园区,随后马军来到工地。';
    expect(names(text)).toEqual(['马军']);
  });

  it('does not take a common word after a title for a name', () => {
    expect(names('本次“部长通道”上,多位负责人回答提问。')).toEqual([]);
    expect(names('他是教育部长江学者特聘教授。')).not.toContain('江学者');
    expect(names('成员单位主要领导参加会议。')).toEqual([]);
  });

  it('continues a list of names after 、 only from an accepted name', () => {
    const text = '省领导王志刚、李红、赵一鸣参加会议。';
    expect(names(text)).toEqual(['王志刚', '李红', '赵一鸣']);
    expect(names('开展安全、高效、文明施工。')).toEqual([]);
  });
});

describe('descriptor: organisation and title', () => {
  it('splits the organisation from the title chain', () => {
    const p = person('中国地震局地球物理研究所研究员孙立新表示,预测仍是难题。', '孙立新');
    expect(p).toMatchObject({ org: '中国地震局地球物理研究所', title: '研究员' });
  });

  it('keeps a chain of titles joined by 、 and puts a leading title in title', () => {
    const p = person('省委副书记、省长周建华出席并讲话。', '周建华');
    expect(p).toMatchObject({ org: '', title: '省委副书记、省长' });
  });

  it('gives the ministry prefix only to the first person of a list', () => {
    const text = '出席的有:应急管理部人事司司长高远先生、救灾司司长钱明先生。';
    expect(person(text, '高远')).toMatchObject({ org: '应急管理部人事司', title: '司长' });
    expect(person(text, '钱明')).toMatchObject({ org: '救灾司', title: '司长' });
  });

  it('keeps ministries whose name contains 和 whole', () => {
    const p = person('工业和信息化部安全生产司副司长许东表示,要加快发展。', '许东');
    expect(p?.org).toBe('工业和信息化部安全生产司');
  });

  it('stops at 由 (会议由…主持)', () => {
    const p = person('会议由市电视台节目主持人何静主持。', '何静');
    expect(p).toMatchObject({ org: '市电视台', title: '节目主持人', role: 'host' });
  });

  it('reads 该厅 / 该公司 as the organisation last named with that head', () => {
    expect(person('记者从县水务局了解到,该局副局长钟明说,水位已回落。', '钟明')).toMatchObject({ org: '县水务局', title: '副局长' });
    expect(person('某建材有限公司发生火灾。该公司总经理陶然表示,将配合调查。', '陶然')).toMatchObject({ org: '某建材有限公司', title: '总经理' });
    // Nothing named before with that head: it stays as written.
    expect(person('该局副局长钟明说,水位已回落。', '钟明')).toMatchObject({ org: '该局' });
    expect(person('市气象台发布预警。该局副局长钟明说,水位已回落。', '钟明')).toMatchObject({ org: '该局' });
  });

  it('reads common worker and front-line titles (股长, 监测员, 连长, 医生) and keeps a qualifier before a worker’s title in it', () => {
    expect(person('县应急管理局综合监管股股长韦亮介绍,已排查企业三百家。', '韦亮')).toMatchObject({ org: '县应急管理局综合监管股', title: '股长', role: 'speaker' });
    expect(person('乡里的地质灾害监测员柴大山说,每天巡查两次。', '柴大山')).toMatchObject({ org: '', title: '地质灾害监测员', role: 'speaker' });
    expect(person('某部连长刘卫东说,官兵连夜加固堤坝。', '刘卫东')).toMatchObject({ org: '某部', title: '连长' });
    // An organisation or place before a worker's title stays the organisation.
    expect(person('国家电网安全员赵军说,线路已恢复。', '赵军')).toMatchObject({ org: '国家电网', title: '安全员' });
    expect(person('烟墩村网格员赵军说,线路已恢复。', '赵军')).toMatchObject({ org: '烟墩村', title: '网格员' });
    // Not a worker's title: the words before it stay the organisation, known or not.
    expect(person('中国石化董事长王明说,要守住安全底线。', '王明')).toMatchObject({ org: '中国石化', title: '董事长' });
  });

  it('reads a name between an organisation and its title (应急管理部王祥喜部长)', () => {
    expect(person('应急管理部王祥喜部长表示,要压实责任。', '王祥喜')).toMatchObject({ org: '应急管理部', title: '部长', role: 'speaker' });
    expect(person('市应急管理局王强局长介绍,全市已转移群众。', '王强')).toMatchObject({ org: '市应急管理局', title: '局长' });
    // A title word that starts there (宣传文员), a conjunction (和) or no title after it: no name.
    expect(names('赤壁市消防救援大队宣传文员陈凤表示,火已扑灭。')).toEqual(['陈凤']);
    expect(names('我代表应急管理部和黄明部长表示感谢。')).not.toContain('和黄明');
    expect(names('市应急管理局高度重视,立即部署。')).toEqual([]);
  });

  it('takes the organisation of 来自<org>的 before the descriptor', () => {
    expect(person('来自清华大学的专家李明表示,城市韧性建设刻不容缓。', '李明')).toMatchObject({ org: '清华大学', title: '专家' });
    // Without 来自 the words before 的 are no organisation of the person's.
    expect(person('市里的专家李明表示,城市韧性建设刻不容缓。', '李明')).toMatchObject({ org: '', title: '专家' });
    expect(person('清华大学的专家李明表示,城市韧性建设刻不容缓。', '李明')).toMatchObject({ org: '' });
  });

  it('takes no title from a title word whose last character opens an organisation (部长 in 水利部长江水利委员会)', () => {
    const text = '水利部长江水利委员会防汛办副主任贺明介绍,汛情平稳。';
    expect(names(text)).toEqual(['贺明']);
    expect(person(text, '贺明')).toMatchObject({ org: '水利部长江水利委员会防汛办', title: '副主任' });
    expect(person('水利部部长贺明介绍,汛情平稳。', '贺明')).toMatchObject({ org: '水利部', title: '部长' });
  });
});

describe('credits', () => {
  it('finds reporters, editors and photographers, who are never speakers', () => {
    const text = '本报讯(记者 周小川 吴敏)近日,市里召开会议。\n【编辑:孙莉】\n审核:郑强\n林涛 摄\n(罗晓光)';
    const r = run(text);
    const reporters = r.people.filter((p) => p.role === 'reporter').map((p) => p.name);
    expect(reporters).toEqual(['周小川', '吴敏', '孙莉', '郑强', '林涛', '罗晓光']);
    expect(r.speakers).toEqual([]);
  });

  it('does not read “对总台记者表示” or “记者14日获悉” as a credit', () => {
    const r = run('记者14日从水利部获悉,上海地震台研究员温海对总台记者表示,影响不大。');
    expect(r.people.filter((p) => p.role === 'reporter')).toEqual([]);
    expect(r.speakers.map((s) => s.name)).toEqual(['温海']);
  });
});

describe('Traditional Chinese', () => {
  it('finds people and keeps the original characters and offsets', () => {
    const text = '應急管理部部長黃明說,要壓實責任。';
    const r = run(text);
    expect(r.speakers.map((s) => s.name)).toEqual(['黃明']);
    const m = r.speakers[0].mentions[0];
    expect(text.slice(m.start, m.end)).toBe('黃明');
  });

  it('Hong Kong and Taiwan releases: 行政長官, 今日表示, 受訪時強調, a credit filed from a place', () => {
    expect(person('行政長官陳家明今日表示,特區政府會全力支援。', '陳家明')).toMatchObject({ title: '行政長官', role: 'speaker' });
    expect(person('內政部長林世華受訪時強調,政府已啟動二級開設。', '林世華')).toMatchObject({ role: 'speaker' });
    const credited = run('(記者王于嬿/台中報導)消防局局長蕭煥文今天表示,要做好防颱準備。');
    expect(credited.people.find((p) => p.name === '王于嬿')?.role).toBe('reporter');
    // The credit before the descriptor is no part of the organisation.
    expect(credited.people.find((p) => p.name === '蕭煥文')).toMatchObject({ org: '消防局', title: '局長', role: 'speaker' });
  });
});
