// How a paragraph's units are read when a plan names them in its own words: lists in brackets without a field name,
// names ending otherwise than in 局/委/办 (海关, 科协, 军分区, the places of a level), written text invented for this test.
import assert from 'node:assert/strict';
import { parsePlan } from '../../server/src/model/plan.js';
import type { Task } from '../../server/src/model/types.js';

const row = (t: Task) => [t.number, t.lead.map((u) => u.name), t.responsible.map((u) => u.name)];
const plan = (convention: string, items: string[]) => parsePlan(['溪川县2024年工作要点', convention, '一、重点任务', ...items].join('\n'));

describe('attribution: the names units go by', () => {
  it('a bare bracket of units whose names end in 海关, 科协, 军分区, 警备区, 企业 or name the places of a level', () => {
    const p = plan('（各项任务括号内列第一位的为牵头单位）', [
      '1.做好通关。（青石海关、县商务局，2024年底前）',
      '2.做好科普。（市科协、县民政局）',
      '3.做好征兵。（县人武部、溪川军分区、市警备区）',
      '4.做好议事。（县民政局、各县市区）',
      '5.做好议事。（县民政局、各区县）',
      '6.做好议事。（县民政局、各县（市、区））',
      '7.做好议事。（县民政局、各镇）',
      '8.做好议事。（县民政局、各村（居））',
      '9.做好改革。（县国资委、市属国有企业）',
      '10.做好协商。（县政协、县工商联）',
      // No unit: a bracket that qualifies the work, a bare place.
      '11.完善制度（试行）',
      '12.建设示范点（城区）',
    ]);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['青石海关'], ['县商务局']],
      ['2.', ['市科协'], ['县民政局']],
      ['3.', ['县人武部'], ['溪川军分区', '市警备区']],
      ['4.', ['县民政局'], ['各县市区']],
      ['5.', ['县民政局'], ['各区县']],
      ['6.', ['县民政局'], ['各县（市、区）']],
      ['7.', ['县民政局'], ['各镇']],
      ['8.', ['县民政局'], ['各村（居）']],
      ['9.', ['县国资委'], ['市属国有企业']],
      ['10.', ['县政协'], ['县工商联']],
      ['11.', [], []],
      ['12.', [], []],
    ]);
  });

  it('`X负责人` at the end of a title names a person, no unit: the task still lacks its lead', () => {
    const p = plan('', ['1.约谈供热公司负责人。（牵头单位：县城管局；完成时限：2024年11月底前）', '2.培训燃气企业负责人。', '3.考核物业公司负责人，2024年12月底前完成。']);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县城管局'], []],
      ['2.', [], []],
      ['3.', [], []],
    ]);
  });

  it('such a unit as the subject of 负责 leads', () => {
    const p = plan('', ['1.做好宣传。县科协负责，2024年底前完成。', '2.做好宣传。各镇负责，2024年底前完成。']);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县科协'], []],
      ['2.', ['各镇'], []],
    ]);
  });

  it('a unit, a colon and its duties (a 职责分工 list): the unit named before the colon leads', () => {
    const p = plan('', [
      '（一）县交通局：负责完成12条乡村道路修缮，2024年10月底前完成。',
      '（二）各乡镇（街道）：牵头做好辖区内宣传，2024年底前完成。',
      '（三）县财政局、县审计局：共同负责资金监管，2024年底前完成。',
    ]);
    assert.deepEqual(p.tasks.map(row), [
      ['（一）', ['县交通局'], []],
      ['（二）', ['各乡镇（街道）'], []],
      ['（三）', ['县财政局', '县审计局'], []],
    ]);
    // A colon after words that are no unit's name introduces no lead.
    assert.deepEqual(plan('', ['（一）主要职责：负责全县宣传，2024年底前完成。']).tasks.map(row), [['（一）', [], []]]);
  });

  it('a word of manner between a unit and its verb is no part of its name (要, 具体, 应当…)', () => {
    const p = plan('', [
      '（一）规范停车。县交通局运输管理所负责规范客运站周边停车，2024年底前完成。',
      '（二）开展义诊。县卫健委具体负责，2024年底前完成。',
      '（三）整治广告。县城管局要牵头做好广告整治，2024年底前完成。',
      '（四）排查隐患。县应急局要会同县消防救援大队开展隐患排查，2024年9月底前完成。',
      '（五）规范经营。此项工作县城管局要牵头，县市场监管局要配合，2024年底前完成。',
      '（六）开展评估。县统计局应当会同县发改局、县财政局组织实施，2024年底前完成。',
      '（七）抓好培训。县人社局负责，县教育局积极配合，2024年底前完成。',
    ]);
    assert.deepEqual(p.tasks.map(row), [
      ['（一）', ['县交通局运输管理所'], []],
      ['（二）', ['县卫健委'], []],
      ['（三）', ['县城管局'], []],
      ['（四）', ['县应急局'], ['县消防救援大队']],
      ['（五）', ['县城管局'], ['县市场监管局']],
      ['（六）', ['县统计局'], ['县发改局', '县财政局']],
      ['（七）', ['县人社局'], ['县教育局']],
    ]);
  });

  it('a word of manner before the verb is cut from a name that is no unit\'s too, and leaders by their charge are persons', () => {
    const p = plan('', [
      '（一）建强支部。责任单位：镇组织办，驻村领导具体负责，2024年底前完成。',
      '（二）整治村容。镇建设办牵头，挂点领导要负责督导，2024年底前完成。',
      '（三）化解矛盾。责任单位：镇综治中心、包片领导。',
    ]);
    assert.deepEqual(p.tasks.map(row), [
      ['（一）', ['镇组织办'], []],
      ['（二）', ['镇建设办'], []],
      ['（三）', ['镇综治中心'], []],
    ]);
    // A unit whose name holds leading words is still one (`领导小组办公室`).
    assert.deepEqual(plan('', ['（一）做好督查。县扫黑除恶领导小组办公室具体负责，2024年底前完成。']).tasks.map(row), [['（一）', ['县扫黑除恶领导小组办公室'], []]]);
  });

  it('`X会同Y` names Y when the work follows Y\'s names with no separator; a requirement to work with kinds of work names no lead', () => {
    const p = plan('', [
      '（一）推进监测。县发改局会同县市场监管局组织实施，2024年底前完成。',
      // `要会同` and no unit named after it: what a unit should do, not who leads this task.
      '（二）完善机制。各级民政部门要会同财政、人社等部门，建立救助评估机制。',
      // `负责` followed by no verb of the work: a duty in general words.
      '（三）落实经费。县政府负责对所辖区内经费的落实。',
      // `要按照职责分工`: a general requirement, not who leads.
      '（四）抓好落实。各单位要按照职责分工，于每月底前报送进展。',
    ]);
    assert.deepEqual(p.tasks.map(row), [
      ['（一）', ['县发改局'], ['县市场监管局']],
      ['（二）', [], []],
      ['（三）', [], []],
      ['（四）', [], []],
    ]);
  });

  it('`和` `与` between two units\' names part them; inside one name they join its words', () => {
    const p = plan('', [
      '（一）加强巡护。县林草局和县公安局森林分局共同负责，长期坚持。',
      '（二）建设隔离带。县林草局负责，县财政局和各镇人民政府配合，2024年11月底前完成。',
      '（三）保障住房。县住房和城乡建设局、县人力资源和社会保障局负责，2024年底前完成。',
      '（四）推进改革。（牵头单位：县发展和改革委员会；责任单位：县工业和信息化局与县教育局）',
      '（五）推进改革。县财政局和县住房和城乡建设局共同负责，2024年底前完成。',
    ]);
    assert.deepEqual(p.tasks.map(row), [
      ['（一）', ['县林草局', '县公安局森林分局'], []],
      ['（二）', ['县林草局'], ['县财政局', '各镇人民政府']],
      ['（三）', ['县住房和城乡建设局', '县人力资源和社会保障局'], []],
      ['（四）', ['县发展和改革委员会'], ['县工业和信息化局', '县教育局']],
      ['（五）', ['县财政局', '县住房和城乡建设局'], []],
    ]);
  });

  it('clauses of units and their role verb after the lead go on with it; 协助单位 co-operate; labels parted by spaces', () => {
    const p = plan('', [
      '（1）推进审批提速。县行政审批局牵头；县司法局配合；2024年6月底前。',
      '（2）推进平台建设。（责任单位：县数据局；协助单位：县财政局；完成时限：2024年6月底前）',
      '（3）推进平台建设。（牵头单位 县数据局\u3000配合单位 县财政局\u3000完成时限 2024年6月底前）',
    ]);
    assert.deepEqual(
      p.tasks.map((t) => [...row(t), t.deadline?.text ?? null]),
      [
        ['（1）', ['县行政审批局'], ['县司法局'], '2024年6月底前'],
        ['（2）', ['县数据局'], ['县财政局'], '2024年6月底前'],
        ['（3）', ['县数据局'], ['县财政局'], '2024年6月底前'],
      ],
    );
  });

  it('a heading naming units with a lead mark after the first (`（三）县城管局（牵头）、县住建局`): the marked one leads, the others take part', () => {
    const p = parsePlan(
      ['溪川县2024年创建工作任务分解', '一、县直部门工作任务', '（一）县水利局（牵头）、县农业农村局', '1.开展河道清淤。完成时限：2024年7月底前。', '（二）县教育局', '1.开展校园整治。完成时限：2024年8月底前。'].join('\n'),
    );
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县水利局'], ['县农业农村局']],
      ['1.', ['县教育局'], []],
    ]);
  });
});

describe('attribution: a bracket of units that opens the item', () => {
  it('names the units in charge, and the title is the work after it', () => {
    const p = plan('', [
      '1.【县发改局】推进项目谋划储备，2024年6月底前完成。',
      '2.【县财政局、县审计局】开展专项资金绩效评价。',
      '3.【专项行动】开展夏季治安整治。（牵头单位：县公安局）',
      '4.【试点】推进垃圾分类。',
    ]);
    assert.deepEqual(
      p.tasks.map((t) => [...row(t), t.title]),
      [
        ['1.', ['县发改局'], [], '推进项目谋划储备，2024年6月底前完成'],
        ['2.', [], ['县财政局', '县审计局'], '开展专项资金绩效评价'],
        ['3.', ['县公安局'], [], '开展夏季治安整治'],
        ['4.', [], [], '推进垃圾分类'],
      ],
    );
  });
});

describe('attribution: 负总责', () => {
  it('a unit in overall charge (负总责) leads, as one that is in charge (负责) does', () => {
    const p = plan('', [
      '1.推进厕所改造。县农业农村局负总责，2024年底前完成。',
      '2.治理生活污水。由县生态环境局负总责，县住建局配合，2024年10月底前完成。',
      '3.清理村庄垃圾。（各乡镇负总责，县城管局配合；完成时限：2024年6月底前）',
      '4.整治河道。（縣水利局負總責）',
    ]);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县农业农村局'], []],
      ['2.', ['县生态环境局'], ['县住建局']],
      ['3.', ['各乡镇'], ['县城管局']],
      ['4.', ['縣水利局'], []],
    ]);
  });

  it('a unit that bears the main responsibility (负主体责任) leads; one that assists (协助) takes part, as 配合 does', () => {
    const p = plan('', [
      '1.开展审计监督。县审计局负主体责任，县农业农村局配合，常态化推进。',
      '2.规范村级财务。（各乡镇負主體責任，2024年底前）',
      '3.清查集体资产。（责任单位：县农业农村局，县财政局协助；完成时限：2024年9月底前）',
      '4.培训村级会计。县农业农村局牵头，县人社局協助，2024年6月底前完成。',
      // In the work's own words (`协助上级…`), with no unit before it, the verb names no one.
      '5.协助上级部门做好调研。（县审计局牵头）',
    ]);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县审计局'], ['县农业农村局']],
      ['2.', ['各乡镇'], []],
      ['3.', ['县农业农村局'], ['县财政局']],
      ['4.', ['县农业农村局'], ['县人社局']],
      ['5.', ['县审计局'], []],
    ]);
  });

  it('`牵头单位：X，Y配合`: the units the verb ends with, after the value\'s last comma, take part; X alone leads', () => {
    const p = plan('', [
      '1.建立风险台账。（牵头单位：县应急局，县金融办配合；2024年底前）',
      '2.开展联合执法。牵头单位为县市场监管局、县公安局，县商务局、县税务局配合，2024年9月底前完成。',
      // With no comma there is no telling where the leads end: the value is read as written.
      '3.开展联合检查。（牵头单位：县应急局、县金融办配合）',
    ]);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县应急局'], ['县金融办']],
      ['2.', ['县市场监管局', '县公安局'], ['县商务局', '县税务局']],
      ['3.', ['县应急局', '县金融办'], []],
    ]);
  });
});

describe('attribution: more ways to name the units in charge', () => {
  it('a unit whose name holds a bracket, as the subject of 负责 (各乡镇（街道）负责, X局（Y局）负责)', () => {
    const p = plan('', [
      '1.清理河道。各乡镇（街道）负责，2024年底前完成。',
      '2.保护商标。县市场监管局（县知识产权局）负责，2024年底前完成。',
      '3.推进改革（试点）负责到底。',
    ]);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['各乡镇（街道）'], []],
      ['2.', ['县市场监管局（县知识产权局）'], []],
      ['3.', [], []],
    ]);
  });

  it('实施单位：, 承担单位：, 落实单位：, 执行单位： name the units that carry the work out (one leads)', () => {
    const p = plan('', [
      '1.建设甲。（实施单位：县发改局；完成时限：2024年底前）',
      '2.建设乙。（承担单位：县财政局）',
      '3.建设丙。（落实单位：县住建局、县城管局）',
      '4.建设丁。（执行单位：县教育局）',
      '5.督促各实施单位按时完成。',
    ]);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县发改局'], []],
      ['2.', ['县财政局'], []],
      ['3.', [], ['县住建局', '县城管局']],
      ['4.', ['县教育局'], []],
      ['5.', [], []],
    ]);
  });
});

describe('attribution: a heading that names work is no unit', () => {
  it('`二、建设创新平台` ends like a unit name (台) but names work: its items keep no lead', () => {
    const p = parsePlan(
      ['溪川县2025年科技创新工作要点', '一、培育创新主体', '1.新增高新技术企业30家。（牵头单位：县科技局）', '二、建设创新平台', '2.新建工程技术研究中心2家。', '三、搭建交流平台', '3.举办对接会4场。', '四、县科技局', '4.办好科技活动周。'].join('\n'),
    );
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县科技局'], []],
      ['2.', [], []],
      ['3.', [], []],
      ['4.', ['县科技局'], []],
    ]);
  });
});

describe('attribution: the units that carry out the work a lead leads', () => {
  it('`由X牵头，Y、Z共同负责`: Y and Z are responsible, not joint leads; `X、Y共同牵头` still names joint leads', () => {
    const p = plan('', ['1.改造管网。由县住建局牵头，县城管局、县水务公司共同负责，2024年10月底前完成。', '2.建设水厂。县发改局、县住建局共同牵头，2024年12月底前完成。']);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县住建局'], ['县城管局', '县水务公司']],
      ['2.', ['县发改局', '县住建局'], []],
    ]);
  });
  it('`Y按职责配合`: 按职责 is no part of the name', () => {
    const p = plan('', ['1.建设水厂。县住建局牵头，县自然资源局、市生态环境局溪川分局按职责配合，2024年12月底前建成。']);
    assert.deepEqual(p.tasks.map(row), [['1.', ['县住建局'], ['县自然资源局', '市生态环境局溪川分局']]]);
  });
});

describe('attribution: names after a lead in a unit field', () => {
  it('`责任单位：X牵头，Y、Z` gives Y and Z a part', () => {
    const p = plan('', ['1.治理管网漏损。（责任单位：县水务局牵头，县住建局、县供水公司；2024年12月底前）']);
    assert.deepEqual(p.tasks.map(row), [['1.', ['县水务局'], ['县住建局', '县供水公司']]]);
    assert.equal(p.tasks[0]!.deadline?.text, '2024年12月底前');
  });
});

describe('attribution: verbs of a part other than 牵头, 负责 and 配合 in a bracket', () => {
  const withDeadline = (t: Task) => [...row(t), t.deadline?.text ?? null];

  it('`统筹` `抓总` name the lead, `具体实施` `落实` those in charge, `协同` `指导` those who take part', () => {
    const p = plan('', [
      '1.建设口袋公园。（县城管局统筹，各街道办事处具体实施，2024年9月底前）',
      '2.整治背街小巷。（县住建局抓总，县城管局、县交警大队协同）',
      '3.开展邻里互助。（县民政局指导，各社区落实，长期坚持）',
      '4.开展垃圾分类。（各街道办事处组织实施；2024年11月底前）',
    ]);
    assert.deepEqual(p.tasks.map(withDeadline), [
      ['1.', ['县城管局'], ['各街道办事处'], '2024年9月底前'],
      ['2.', ['县住建局'], ['县城管局', '县交警大队'], null],
      ['3.', ['各社区'], ['县民政局'], '长期坚持'],
      ['4.', ['各街道办事处'], [], '2024年11月底前'],
    ]);
  });

  it('beside the grammar\'s role verbs: `（X统筹，Y负责）` X leads; `（X指导，Y负责）` Y leads', () => {
    const p = plan('', ['1.建设口袋公园。（县城管局统筹推进，各街道办事处负责，2024年9月底前）', '2.开展邻里互助。（县民政局指导，各社区负责）']);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县城管局'], ['各街道办事处']],
      ['2.', ['各社区'], ['县民政局']],
    ]);
  });

  it('in a unit field\'s value too: `责任单位：X统筹，Y具体实施` X leads, Y takes part; `Y具体实施` alone leads', () => {
    const p = plan('', [
      '1.建设口袋公园。责任单位：县城管局统筹，各街道办事处具体实施；完成时限：2024年9月底前。',
      '2.开展邻里互助。（牵头单位：县民政局；责任单位：各社区落实）',
      '3.开展垃圾分类。（责任单位：各街道办事处组织实施）',
    ]);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县城管局'], ['各街道办事处']],
      ['2.', ['县民政局'], ['各社区']],
      ['3.', ['各街道办事处'], []],
    ]);
  });

  it('in a sentence after the work: `…，由X统筹，Y具体实施，…`', () => {
    const p = plan('', ['1.发展农村电商。由县商务局统筹，各乡镇人民政府具体实施，2024年12月底前完成。', '2.完善寄递网络，县邮政管理局抓总，县交通局协同。']);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县商务局'], ['各乡镇人民政府']],
      ['2.', ['县邮政管理局'], ['县交通局']],
    ]);
  });

  it('the same words in prose or in a bracket of the work name no unit', () => {
    const p = plan('', [
      '1.统筹推进口袋公园建设（具体实施办法另行制定）',
      '2.抓好垃圾分类落实（分步实施）',
      '3.加强社区治理，县民政局统筹协调各方力量。',
      '4.完善工作方案，要抓紧部署实施。',
      '5.推进智慧社区建设（分步部署实施）',
    ]);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', [], []],
      ['2.', [], []],
      ['3.', [], []],
      ['4.', [], []],
      ['5.', [], []],
    ]);
  });
});

describe('attribution: units with a lead mark written after the task, with no bracket around them', () => {
  it('`…。X（牵头）、Y、Z，…前完成。` and `…，X（牵头）、Y，…`: the marked unit leads, the others take part', () => {
    const p = plan('', [
      '1.排查燃气管道隐患。县住建局（牵头）、县应急局、县市场监管局，2024年6月底前完成。',
      '2.整治占道经营，县城管局（牵头单位）、各街道办事处，2024年8月底前完成。',
    ]);
    assert.deepEqual(
      p.tasks.map((t) => [...row(t), t.title, t.deadline?.text ?? null]),
      [
        ['1.', ['县住建局'], ['县应急局', '县市场监管局'], '排查燃气管道隐患', '2024年6月底前'],
        ['2.', ['县城管局'], ['各街道办事处'], '整治占道经营', '2024年8月底前'],
      ],
    );
  });

  it('a mark inside words that are no list of names is no attribution', () => {
    const p = plan('', ['1.成立以县住建局（牵头）为组长单位的工作专班，2024年3月底前完成。']);
    assert.deepEqual(p.tasks.map(row), [['1.', [], []]]);
  });
});

describe('attribution: fields parted by slashes in one bracket', () => {
  it('`【牵头：X/配合：Y、Z/时限：…】` and full field names alike: each field its own, no slash left on a name', () => {
    const p = plan('', [
      '1.改建社区卫生服务站。【牵头：县卫健局/配合：县住建局、县财政局/时限：2024年9月底前】',
      '2.培训家庭医生。【牵头：县卫健局/时限：2024年11月底前】',
      '3.推广远程会诊。（牵头单位：县卫健局／责任单位：各乡镇卫生院／完成时限：常态化推进）',
    ]);
    assert.deepEqual(
      p.tasks.map((t) => [...row(t), t.deadline?.text ?? null]),
      [
        ['1.', ['县卫健局'], ['县住建局', '县财政局'], '2024年9月底前'],
        ['2.', ['县卫健局'], [], '2024年11月底前'],
        ['3.', ['县卫健局'], ['各乡镇卫生院'], '常态化推进'],
      ],
    );
  });

  it('a slash between names in a field still parts them', () => {
    const p = plan('', ['1.改建社区卫生服务站。（责任单位：县卫健局/县住建局；完成时限：2024年9月底前）']);
    assert.deepEqual(p.tasks.map(row), [['1.', [], ['县卫健局', '县住建局']]]);
  });
});

describe('attribution: more field names under a task', () => {
  it('`主要负责单位：` leads; `协同配合单位：` and `支持单位：` name units that take part, on lines of their own', () => {
    const p = plan('', [
      '1.改造背街小巷20条。',
      '主要负责单位：县城管局',
      '协同配合单位：各街道办事处',
      '完成时限：2024年10月底前',
      '2.推进片区更新前期工作。',
      '负责单位：县城市更新中心',
      '支持单位：县发改局',
      '完成时限：2024年6月底前',
    ]);
    assert.deepEqual(p.tasks.map((t) => [...row(t), t.deadline?.text ?? null]), [
      ['1.', ['县城管局'], ['各街道办事处'], '2024年10月底前'],
      ['2.', ['县城市更新中心'], ['县发改局'], '2024年6月底前'],
    ]);
  });
});

describe('attribution: a 牵头 field whose value a `配合` ends after a comma', () => {
  it('`牵头单位为X，Y配合` and `（牵头单位：X，Y、Z配合）`: Y and Z co-operate, X alone leads', () => {
    const p = plan('', [
      '1.推进政策性保险扩面。牵头单位为县应急局，县金融办配合，2024年9月底前完成。',
      '2.发展林下经济。（牵头单位：县林业局，县农业农村局、县供销社配合；完成时限：2024年10月底前）',
      // No comma before the verb: the names stay as written.
      '3.发展林下经济。（牵头单位：县林业局、县农业农村局；完成时限：2024年10月底前）',
    ]);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县应急局'], ['县金融办']],
      ['2.', ['县林业局'], ['县农业农村局', '县供销社']],
      ['3.', ['县林业局', '县农业农村局'], []],
    ]);
  });
});

describe('attribution: a short name the plan defines for a unit', () => {
  it('`X（以下简称Y）` and `X，下称Y` define a name, no unit and no part of one; Y later names X', () => {
    const p = plan('', [
      '1.整治河道。县水利和湖泊管理局（以下简称县水湖局）牵头，2024年8月底前完成。',
      '2.修缮堤防。（牵头单位：县自然资源和规划局，下称县自规局；责任单位：各镇；完成时限：2024年9月底前）',
      '3.清理河岸垃圾。由县城市管理执法局（简称“县城管局”）负责，2024年10月底前完成。',
      '4.巡查水库。县水湖局牵头，县自规局、县城管局配合，2024年11月底前完成。',
    ]);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县水利和湖泊管理局'], []],
      ['2.', ['县自然资源和规划局'], ['各镇']],
      ['3.', ['县城市管理执法局'], []],
      ['4.', ['县水利和湖泊管理局'], ['县自然资源和规划局', '县城市管理执法局']],
    ]);
    // The later mention is the unit written short: its own place, the full name's key.
    const short = p.tasks[3]!.lead[0]!;
    assert.equal(p.text.slice(short.span.start, short.span.end), '县水湖局');
    assert.equal(short.key, p.tasks[0]!.lead[0]!.key);
  });

  it('a short name whose characters are not the full name\'s (`两办`) stays a name of its own; a bracket of other words stays in the name', () => {
    const p = plan('', [
      '1.整治河道。县委办公室、县政府办公室（以下简称两办）牵头，2024年8月底前完成。',
      '2.督查落实。两办牵头，2024年9月底前完成。',
      '3.做好宣传。县委宣传部（县新闻出版局）牵头，2024年9月底前完成。',
    ]);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县委办公室', '县政府办公室'], []],
      ['2.', ['两办'], []],
      ['3.', ['县委宣传部（县新闻出版局）'], []],
    ]);
  });
});

describe('attribution: what names no unit', () => {
  it('a person named by a post (`县委常委、宣传部部长`) leads nothing; `无` in a field names no unit', () => {
    const p = plan('', [
      '1.深化理论武装。（县委常委、宣传部部长牵头，县委宣传部负责；完成时限：2024年12月底前）',
      '2.整顿软弱涣散党组织。（县委常委、组织部部长牵头；完成时限：2024年12月底前）',
      '3.推进医共体建设。【牵头单位】基层卫生科【配合单位】无【完成时限】2024年12月',
      '4.推进分级诊疗。（牵头单位：医政医管科；配合单位：暂无）',
    ]);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县委宣传部'], []],
      ['2.', [], []],
      ['3.', ['基层卫生科'], []],
      ['4.', ['医政医管科'], []],
    ]);
    assert.ok(!p.units.some((u) => /常委|部长|无/.test(u.name)));
  });
});

describe('attribution: names alone after a field and its `；`', () => {
  it('go on with a list of units that take part, in a bracket or on a field\'s line, and never lead', () => {
    const p = plan('', [
      '1.加强税源管理。（配合单位：区财政局；区市场监管局）',
      '2.清理欠税。（责任单位：区财政局；区市场监管局；完成时限：2024年12月底前）',
      '3.优化纳税服务。',
      '牵头单位：区税务局',
      '配合单位：区财政局；区政务服务中心',
      '完成时限：2024年6月底前',
      '4.推进发票电子化。（牵头单位：区税务局；区财政局、区数据局）',
    ]);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', [], ['区财政局', '区市场监管局']],
      ['2.', [], ['区财政局', '区市场监管局']],
      ['3.', ['区税务局'], ['区财政局', '区政务服务中心']],
      ['4.', ['区税务局'], ['区财政局', '区数据局']],
    ]);
    assert.equal(p.tasks[2]!.deadline?.text, '2024年6月底前');
  });
});

describe('attribution: a system of responsibility (`负责制`)', () => {
  it('names no unit and leads nothing, in a title\'s bracket or a sentence; `负责制定` still gives the work out', () => {
    const p = plan('', [
      '1.优化窗口服务（实行首问负责制）。牵头单位：县政务服务中心；完成时限：2024年6月底前。',
      '2.推行容缺受理。落实岗位负责制，县政务服务中心牵头，2024年9月底前完成。',
      '3.完善管理办法。县司法局负责制定办法，2024年10月底前完成。',
    ]);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县政务服务中心'], []],
      ['2.', ['县政务服务中心'], []],
      ['3.', ['县司法局'], []],
    ]);
    assert.ok(!p.units.some((u) => /首问|岗位/.test(u.name)));
  });
});

describe('attribution: colons of other forms in labels (typesetting, OCR)', () => {
  it('`∶` `﹕` `︰` after a label are its colon: the units are read, none holds the colon, and every range is the text\'s', () => {
    const items = [
      '1.加快项目前期工作。（牵头单位∶县发改局，配合单位∶县财政局；完成时限∶2024年6月底前）',
      '2.做好项目入库工作。（牵头单位﹕县发改局；配合单位﹕县财政局；完成时限﹕2024年3月底前）',
      '3.推進廁所革命。（牽頭單位︰縣農業農村局；配合單位︰縣衛健局；完成時限︰2024年6月底前）',
    ];
    const p = plan('', items);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县发改局'], ['县财政局']],
      ['2.', ['县发改局'], ['县财政局']],
      ['3.', ['縣農業農村局'], ['縣衛健局']],
    ]);
    assert.deepEqual(p.tasks.map((t) => t.deadline?.text), ['2024年6月底前', '2024年3月底前', '2024年6月底前']);
    // The plan keeps the text as written (its ranges, the features and the fixes read it).
    const written = ['溪川县2024年工作要点', '', '一、重点任务', ...items].join('\n');
    assert.equal(p.text, written);
    for (const u of p.units) assert.equal(written.slice(u.span.start, u.span.end), u.name);
  });
});

describe('attribution: a plan\'s statement of the unit that leads the tasks naming none', () => {
  const text = ['溪川县2026年扩大有效投资实施方案', '以下任务未标明牵头单位的，均由县发改局牵头。', '一、加快重大项目建设', '1.实行重大项目推进机制。', '2.积极争取专项债券资金。（县财政局配合）', '3.建立用地保障清单。（县自然资源局牵头）'].join('\n');
  it('`以下任务未标明牵头单位的，均由X牵头`: X leads each task that names no lead; a task naming its own keeps it', () => {
    const p = parsePlan(text);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县发改局'], []],
      ['2.', ['县发改局'], ['县财政局']],
      ['3.', ['县自然资源局'], []],
    ]);
    assert.deepEqual(p.tasks.map((t) => t.inherited.lead), [true, true, false]);
    // The statement is no unnumbered attribution (no PL003).
    assert.deepEqual(p.unnumbered, []);
    // A PDF copy's hard wrap inside its last word.
    const wrapped = parsePlan(text.replace('均由县发改局牵头。', '均由县发改局牵\n头。'));
    assert.deepEqual(wrapped.tasks.map((t) => t.lead.map((u) => u.name)), [['县发改局'], ['县发改局'], ['县自然资源局']]);
  });
  it('not a statement of a convention with no unit (`未注明牵头单位的，责任单位即为牵头单位`)', () => {
    const p = parsePlan(text.replace('以下任务未标明牵头单位的，均由县发改局牵头。', '未注明牵头单位的，责任单位即为牵头单位。'));
    assert.deepEqual(p.tasks.map((t) => t.lead.map((u) => u.name)), [[], [], ['县自然资源局']]);
  });
});

describe('attribution: a lead mark inside a lead field\'s value', () => {
  it('`承办单位：X（牵头），Y、Z`: X leads, Y and Z take part; with no mark every unit of the field leads', () => {
    const p = parsePlan(
      ['溪川县2026年督办事项清单', '一、督办事项', '1.推进污水处理厂提标改造。', '承办单位：县住建局（牵头），县生态环境分局、县城投公司', '办结时限：2026年6月30日前', '2.整治农贸市场周边占道经营。', '牵头单位：县城管局、城关镇', '办结时限：2026年5月20日前'].join('\n'),
    );
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县住建局'], ['县生态环境分局', '县城投公司']],
      ['2.', ['县城管局', '城关镇'], []],
    ]);
  });
});

describe('attribution: a note that names a bracket\'s fields in order, the lead\'s first', () => {
  it('`括号内依次为牵头单位、配合单位、完成时限`: the first unit of each bracket leads, the others take part', () => {
    const p = parsePlan(
      ['溪川区2026年重点任务清单', '说明：括号内依次为牵头单位、配合单位、完成时限。', '一、提升政务服务效能', '1.实现企业开办1个工作日内办结（区市场监管局，区税务局、区公安分局，2026年3月底前）', '2.建立用工服务专员制度（区人社局，区总工会，2026年9月底前）'].join('\n'),
    );
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['区市场监管局'], ['区税务局', '区公安分局']],
      ['2.', ['区人社局'], ['区总工会']],
    ]);
  });
});

describe('attribution: a bracket that states the lead convention', () => {
  it('opening with a field\'s name (`（责任单位中列第一位的为牵头单位）`) assigns nothing and names no unit; the plan is read by it', () => {
    const p = plan('（责任单位中列第一位的为牵头单位）', [
      '1.建设数据平台。（县数据局、县财政局；2024年6月底前）',
      '2.推进一网通办。（县政务服务中心、县数据局，列第一位的为牵头单位）',
    ]);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县数据局'], ['县财政局']],
      ['2.', ['县政务服务中心'], ['县数据局']],
    ]);
    assert.deepEqual(p.unnumbered, []);
    assert.deepEqual(p.units.map((u) => u.name).sort(), ['县数据局', '县财政局', '县政务服务中心', '县数据局'].sort());
  });
});

describe('attribution: a bureau\'s own sections and schools as units', () => {
  it('科, 股 and schools lead in a bare sentence and name the unit of a heading, as a bureau does', () => {
    const p = parsePlan(
      [
        '溪川县教育局2024年工作要点',
        '一、重点工作',
        '（一）新建幼儿园。人事科会同计财科负责，2024年8月底前完成。',
        '（二）开展教师轮训。基础教育股负责落实。',
        '（三）开展质量监测。县第二中学负责。',
        '二、安全股',
        '（一）排查校舍隐患。2024年9月底前完成。',
      ].join('\n'),
    );
    // …but a heading of work that ends like one (`发展老年大学`, `做强优势学科`) names no unit
    const work = parsePlan(['溪川县2024年教育工作要点', '一、发展老年大学', '（一）扩大办学规模。', '二、做强优势学科', '（一）建设重点学科。'].join('\n'));
    assert.deepEqual(work.tasks.map(row), [
      ['（一）', [], []],
      ['（一）', [], []],
    ]);
    assert.deepEqual(p.tasks.map(row), [
      ['（一）', ['人事科'], ['计财科']],
      ['（二）', ['基础教育股'], []],
      ['（三）', ['县第二中学'], []],
      ['（一）', ['安全股'], []],
    ]);
  });
});

describe('attribution: one unit of a list named to lead (`其中X牵头`)', () => {
  it('units listed as sharing the work, then one of them named to lead: it leads, the others are responsible', () => {
    const p = plan('', [
      '1.建设智慧课堂。县教育局、县工信局、县数据局共同负责，其中县教育局为牵头单位，2024年8月底前完成。',
      '2.配齐心理教师。（县教育局、县人社局、县编办按职责分工负责，其中县教育局牵头；2024年9月底前完成）',
      '3.改造校舍。县住建局、县教育局、各镇按职责分工负责，其中县住建局牵头，2024年10月底前完成。',
      '4.整治校园周边。（责任单位：县公安局、县市场监管局、各镇，其中县公安局牵头；完成时限：2024年11月底前）',
      '5.保障校车安全。县交通局、县公安局负责，县交通局为牵头单位，2024年12月底前完成。',
      '6.建设运动场。县体育局、县教育局、县财政局、各镇共同负责，其中县体育局、县教育局牵头，2024年12月底前完成。',
    ]);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县教育局'], ['县工信局', '县数据局']],
      ['2.', ['县教育局'], ['县人社局', '县编办']],
      ['3.', ['县住建局'], ['县教育局', '各镇']],
      ['4.', ['县公安局'], ['县市场监管局', '各镇']],
      ['5.', ['县交通局'], ['县公安局']],
      ['6.', ['县体育局', '县教育局'], ['县财政局', '各镇']],
    ]);
    assert.deepEqual(p.allSections.flatMap((s) => s.attributions.flatMap((a) => a.problems.map((x) => x.kind))), []);
  });

  it('a unit of the list that 负总责 (in overall charge) leads, the others carry the work out: no lead also listed as responsible', () => {
    const p = plan('', [
      '1.整合办事窗口。县政务服务中心、县市场监管局牵头，县政务服务中心负总责，2024年6月底前完成。',
      '2.推行证照联办。县市场监管局、县税务局负责，其中县市场监管局负总责，2024年7月底前完成。',
      '3.清理隐性门槛。（县发改局、县司法局负责，县发改局负总责；2024年8月底前）',
      '4.建设帮办队伍。县人社局负总责，县财政局、各镇配合，2024年9月底前完成。',
      '5.开展营商评价。由县发改局负总责，县统计局配合，2024年10月底前完成。',
    ]);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县政务服务中心'], ['县市场监管局']],
      ['2.', ['县市场监管局'], ['县税务局']],
      ['3.', ['县发改局'], ['县司法局']],
      ['4.', ['县人社局'], ['县财政局', '各镇']],
      ['5.', ['县发改局'], ['县统计局']],
    ]);
    assert.deepEqual(p.allSections.flatMap((s) => s.attributions.flatMap((a) => a.problems.map((x) => x.kind))), []);
  });

  it('a unit not among the leads that 负总责 after a lead carries the work out, as one that 负责 does', () => {
    const p = plan('', ['1.推进改造。县住建局牵头，各乡镇人民政府负总责，2024年6月底前完成。']);
    assert.deepEqual(p.tasks.map(row), [['1.', ['县住建局'], ['各乡镇人民政府']]]);
  });

  it('leads of clauses of their own, joint leads and a lead that also carries out work are read as before', () => {
    const p = plan('', [
      '1.建设智慧课堂。县教育局牵头建设平台，县数据局牵头汇聚数据，县教育局牵头组织培训，2024年8月底前完成。',
      '2.配齐心理教师。县教育局、县卫健局共同牵头，2024年9月底前完成。',
      '3.改造校舍。县住建局、县教育局共同负责，2024年10月底前完成。',
      '4.整治校园周边。县公安局牵头，县市场监管局、各镇配合，其中各镇负责日常巡查，2024年11月底前完成。',
      // A name written twice in one list is a slip, no unit singled out.
      '5.保障校车安全。（牵头单位：县交通局、县公安局、县交通局；完成时限：2024年12月底前）',
    ]);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县教育局', '县数据局', '县教育局'], []],
      ['2.', ['县教育局', '县卫健局'], []],
      ['3.', ['县住建局', '县教育局'], []],
      ['4.', ['县公安局'], ['县市场监管局', '各镇']],
      ['5.', ['县交通局', '县公安局', '县交通局'], []],
    ]);
  });
});
