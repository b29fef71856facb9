// Anchored phrase regexes are tried only near the automaton's occurrences of their anchors. That is sound only if
// every match contains an anchor starting at most `reach` characters after the match's start: this test holds
// each anchored regex to the matches a plain global scan finds, over every fixture text and sentences written here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLexicon, shiftBackReferences } from './lexicon';
import { anchoredMatches } from './policy-phrases';
import { scanText } from './scan';

const root = join(__dirname, '..', 'tests', 'fixtures', 'corpus');
const fixtureTexts: string[] = [];
for (const dir of readdirSync(root, { withFileTypes: true })) {
  if (!dir.isDirectory()) continue;
  for (const file of readdirSync(join(root, dir.name))) {
    if (!file.endsWith('.json') || file.endsWith('.gold.json')) continue;
    const text = (JSON.parse(readFileSync(join(root, dir.name, file), 'utf8')) as { text?: unknown }).text;
    if (typeof text === 'string') fixtureTexts.push(text);
  }
}

// Sentences of our own with the shapes each regex is for, at text and paragraph edges and back to back.
const written = [
  '深入学习贯彻党的二十届三中全会精神,学习十九届六中全会公报。党的二十大精神',
  '“十四五”规划,“十五五”时期,十四五规划。',
  '《中华人民共和国安全生产法》《国家突发事件总体应急预案(2025年修订)》和《应急管理年鉴》的报告',
  '习近平总书记关于应急管理的重要论述和重要指示精神;习近平关于防灾减灾的重要指示批示',
  '中央政治局第十九次集体学习。全国安全生产电视电话会议,全省防汛工作会议,全市森林防火工作会。',
  '8号烈风或暴风信号,10号飓风信号,三号风球,黑色暴雨警告信号。三级火警,5级火警。',
  '“7·20”特大暴雨灾害,“12·18”地震灾害。第5号台风“丹娜丝”,第12号台风。',
  '坚决防范和遏制重特大安全生产事故,遏制重特大事件。第二个百年奋斗目标,两个百年奋斗目标。',
  '第708号国务院令,国务院令第708号,第12号部令,第1号主席令,第3号国家主席令。',
  '新时代中国特色国家应急管理体系和能力现代化,应急物资保障体系,国家应急指挥体系。',
  '台风灾害应变中心作业要点,地震灾害应变中心。灾后抢险救援任务,汛期防汛抗旱行动,搜救行动。',
  '最大限度减少人员伤亡和财产损失,最大限度地减少灾害损失。',
  '启动防汛四级应急响应,Ⅳ级应急响应,暴雨红色预警,地质灾害气象风险橙色预警,山洪灾害监测预警系统。',
  '党政同责、一岗双责、齐抓共管、失职追责,管行业必须管安全、管业务必须管安全、管生产经营必须管安全。',
  '安全第一、预防为主、综合治理。两个至上,三个必须,四不放过。省委十二届五次全会,国务院第53次常务会议。',
  '发布暴雨三级预警,地震Ⅰ级预警;汶川特大地震,舟曲特大山洪泥石流灾害。守住不发生重特大事故的底线。',
  '开展燃气安全专项整治,启动城镇燃气安全专项整治百日行动,部署森林防火集中整治。森林火险气象风险预警,城市内涝气象风险红色预警。',
  '青海玛多7.4级地震,此次地震为东海海域6.1级地震的余震;县城发生5.0级地震。召开防汛工作会议和地质灾害防治专题会议。',
  '做好“十五五”综合防灾减灾规划编制,“十四五”收官之年全面完成规划。推动危险化学品安全专项整治。',
  '启动国家地震灾害二级应急响应,国家防汛抗旱Ⅳ级应急响应。',
  '受台风“杜苏芮”影响,超强台风“山竹”,强热带风暴“海葵”,第5号台风“杜苏芮”。',
].join('\n');

describe('anchored phrase regexes', () => {
  const lex = compileLexicon();
  const texts = [...fixtureTexts, written, written.replace(/\n/g, '')];
  const anchored = lex.regexes.map((r, ri) => ({ r, ri }));

  it('are all the phrase regexes, each with anchors', () => {
    expect(anchored.length).toBeGreaterThan(30);
    for (const { r } of anchored) expect(r.anchors.length, r.id).toBeGreaterThan(0);
    expect(fixtureTexts.length).toBeGreaterThan(30);
  });

  for (const { r, ri } of anchored) {
    it(`${r.id}: the same matches as a scan at every position`, () => {
      const everywhere = new RegExp(r.re.source, 'g');
      let found = 0;
      for (const text of texts) {
        const scan = scanText(text, lex);
        const want: [number, number][] = [];
        everywhere.lastIndex = 0;
        for (let m = everywhere.exec(scan.norm); m !== null; m = everywhere.exec(scan.norm)) {
          if (m[0].length === 0) everywhere.lastIndex++;
          else want.push([m.index, m.index + m[0].length]);
        }
        const got: [number, number][] = [];
        anchoredMatches(scan.norm, r, [...scan.anchorAt[ri]], (s, e) => got.push([s, e]));
        expect(got, `${r.id} in “${scan.norm.slice(0, 30)}…”`).toEqual(want);
        found += want.length;
      }
      // Each regex must meet at least one match here, or this comparison would prove nothing for it.
      expect(found, `${r.id}: no match in the fixtures or the written sentences`).toBeGreaterThan(0);
    });
  }
});

describe('shiftBackReferences', () => {
  it('moves numbered back-references up one and leaves every other escape', () => {
    expect(shiftBackReferences('([责上先])(?:、[\\u4e00-\\u9fff]{3}\\1){1,5}')).toBe('([责上先])(?:、[\\u4e00-\\u9fff]{3}\\2){1,5}');
    expect(shiftBackReferences('\\d{1,2}\\\\1\\n\\0')).toBe('\\d{1,2}\\\\1\\n\\0');
    expect(shiftBackReferences('(a)(b)\\2\\1')).toBe('(a)(b)\\3\\2');
  });
});
