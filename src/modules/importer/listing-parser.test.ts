import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ListingParseError, parseListing, type ListingKind, type ParsedListing } from './listing-parser.js';

function seed(name: string): string {
  return readFileSync(new URL(`../../../content/seeds/${name}`, import.meta.url), 'utf8');
}

/** Expected text of a description or summary: in full, or its first and last words when long. */
type Text = string | null | { first: string; last: string };

interface ExpectedEvent {
  line: number;
  number: number;
  title: string;
  start: string;
  end: string | null;
  dateText: string;
  text: Text;
}

interface ExpectedArticle {
  line: number;
  number: number;
  title: string;
  date: string;
  dateText: string;
  text: Text;
}

function assertText(actual: string | null, expected: Text, label: string): void {
  if (expected === null || typeof expected === 'string') {
    assert.equal(actual, expected, label);
    return;
  }
  assert.ok(actual !== null, `${label}: expected text`);
  assert.ok(actual.length > 200, `${label}: expected a long text`);
  assert.ok(actual.startsWith(expected.first), `${label}: starts ${JSON.stringify(actual.slice(0, 40))}`);
  assert.ok(actual.endsWith(expected.last), `${label}: ends ${JSON.stringify(actual.slice(-40))}`);
  assert.ok(!actual.includes('\n'), `${label}: a single paragraph`);
}

function assertEvents(listing: ParsedListing, expected: ExpectedEvent[]): void {
  assert.equal(listing.events.length, expected.length);
  expected.forEach((e, i) => {
    const a = listing.events[i]!;
    const label = `event ${i + 1} (line ${e.line})`;
    assert.equal(a.line, e.line, label);
    assert.equal(a.number, e.number, label);
    assert.equal(a.title, e.title, label);
    assert.equal(a.start, e.start, label);
    assert.equal(a.end, e.end, label);
    assert.equal(a.dateText, e.dateText, label);
    assertText(a.description, e.text, label);
  });
}

const EVENTS_EN: ExpectedEvent[] = [
  { line: 7, number: 1, title: 'Sixth Technical Meeting of Focal Specialists on International Labour Migration Statistics in ASEAN', start: '2020-09-17', end: null, dateText: '17 September 2020', text: 'This meeting discusses international labour migration data statistics and brings together representatives from national governments, the ASEAN Secretariat, ASEAN Statistics, and ILO.' },
  { line: 13, number: 2, title: 'Consultation on regulation of recruitment and the Draft Law on Contract-based Vietnamese Overseas Workers (Revised)', start: '2020-09-15', end: null, dateText: '15 September 2020', text: { first: 'The Consultation workshop will provide', last: 'protect Vietnamese migrant workers.' } },
  { line: 21, number: 1, title: 'SCORE Workshop on good practice sharing', start: '2020-07-28', end: null, dateText: '28 July 2020', text: null },
  { line: 25, number: 2, title: 'ILO Webinar on COVID-19: Protecting Workers in the Workplace in Asia and Pacific', start: '2020-07-23', end: null, dateText: '23 July 2020', text: { first: 'This webinar will offer trade', last: 'the ILO Policy Framework.' } },
  { line: 31, number: 3, title: 'Virtual Open Session at the ASEAN Committee on Migrant Workers (ACMW) Workshop on Planning for the Action Plan in 2021-2025, and online preparatory meetings', start: '2020-07-22', end: '2020-07-23', dateText: '22 - 23 July 2020', text: null },
  { line: 35, number: 4, title: 'ILO Webinar on COVID-19:Supporting Enterprises, Jobs and Income in Asia and Pacific', start: '2020-07-16', end: null, dateText: '16 July 2020', text: { first: 'This webinar, part of the', last: 'will also be discussed.' } },
  { line: 43, number: 1, title: 'Book Launch: "An ILO For All Seasons"', start: '2020-06-29', end: null, dateText: '29 June 2020', text: { first: 'Over a hundred years, the', last: 'the last hundred years.' } },
  { line: 49, number: 2, title: 'Book launch: "Still Work to be Done"', start: '2020-06-25', end: null, dateText: '25 June 2020', text: { first: 'In this book, Luc Cortebeeck', last: 'cornerstone for social progress.' } },
  { line: 55, number: 3, title: 'ILO Webinar on COVID-19: Stimulating the Economy and Employment in Asia and Pacific', start: '2020-06-23', end: null, dateText: '23 June 2020', text: { first: 'The lockdown measures have sparked', last: 'the road to recovery.' } },
  { line: 63, number: 1, title: 'Social Responsibility in Labour Management at wood enterprises', start: '2020-05-26', end: '2020-05-27', dateText: '26 - 27 May 2020', text: 'The Responsible Supply Chains in Asia programme is conducting a training seminar for Wood Industry executives, government officials, unions and employers' },
  { line: 71, number: 1, title: 'Technical webinar: Environmental Regulatory Systems in the Textile & Garment Sector', start: '2020-04-30', end: null, dateText: '30 April 2020', text: { first: 'The technical webinar will bring', last: 'in Asia project (ILO-Sida).' } },
  { line: 79, number: 1, title: 'Technical meetings on Convention 105 ratification dossier', start: '2020-03-01', end: '2020-03-07', dateText: '1 - 7 March 2020', text: { first: 'In the first quarter of', last: 'Convention 105 ratification dossier.' } },
  { line: 85, number: 2, title: 'Launch of Convention 98 and consultation on its implementation plan', start: '2020-03-01', end: '2020-03-07', dateText: '1 - 7 March 2020', text: { first: 'On the first week of', last: 'on its implementation plan.' } },
  { line: 91, number: 3, title: 'Study Visit to Sri Lanka to learn about Child Labour Free Zones', start: '2020-03-01', end: '2020-03-10', dateText: '1 - 10 March 2020', text: { first: 'A study visit to Sri', last: 'child labour free zones.' } },
  { line: 99, number: 1, title: 'ENHANCE Project Endline KAP survey', start: '2020-02-25', end: '2020-02-29', dateText: '25 - 29 February 2020', text: 'The ENHANCE Project will undertake an endline survey on the Knowledge, Attitudes and Practices (KAP) related to child labour in Viet Nam to assess changes since project implementation.' },
  { line: 105, number: 2, title: 'Inception meeting of the "CSR Think-Tank" for CSR promotion in the seafood supply chains in Viet Nam', start: '2020-02-20', end: null, dateText: '20 February 2020', text: { first: 'Approximately 30 people will attend', last: 'Nam and ILO Hanoi.' } },
  { line: 111, number: 3, title: 'Technical workshop "CSR implementation at enterprises - role and engagement of the workers" for policy makers', start: '2020-02-13', end: '2020-02-14', dateText: '13 - 14 February 2020', text: { first: 'Representatives of DOLISAs, FOLs and', last: 'take place this year.' } },
  { line: 117, number: 4, title: 'Review workshop on the national campaign on better compliance in woodwork sector in 2019', start: '2020-02-01', end: '2020-02-07', dateText: '1 - 7 February 2020', text: { first: 'MOLISA Inspectorate will organize a', last: "in the whole country''." } },
  { line: 125, number: 1, title: 'Upcoming publication of National Child Labour Survey (NCLS) 2018', start: '2020-01-01', end: null, dateText: '1 January 2020', text: { first: 'The findings of the NCLS', last: 'and Social Affairs (ILSSA).' } },
  { line: 131, number: 2, title: 'ENHANCE project to develop child labour free certification scheme', start: '2020-01-01', end: '2020-04-30', dateText: '1 January - 30 April 2020', text: { first: 'The ENHANCE project will support', last: 'and Development Institute (VIRI).' } },
];

const ARTICLES_EN: ExpectedArticle[] = [
  { line: 4, number: 1, title: 'Potatoes and perseverance', date: '2024-03-29', dateText: '29 March 2024', text: 'With resources and training on cultivating high-quality organic potatoes, a cancer survivor and mother is planting the seeds of hope for her three children’s future.' },
  { line: 11, number: 1, title: 'Advocating for universal maternity coverage for Vietnamese women', date: '2023-05-17', dateText: '17 May 2023', text: 'Viet Nam provides generous maternity benefits, yet for many women they remain out of reach. Enhancing access would benefit women, families, businesses and the nation alike.' },
  { line: 20, number: 1, title: 'Alliance 8.7: A story of hope after child labour in Viet Nam', date: '2022-08-22', dateText: '22 August 2022', text: 'Ngân, a former child labourer, went on to complete vocational training through the ENHANCE project and, today, looks forward to a brighter future.' },
  { line: 26, number: 2, title: 'Visit at Binh Minh Coffee Cooperative, Dak Lak Province', date: '2022-04-05', dateText: '05 April 2022', text: 'The Vision Zero Fund project in Viet Nam organized a training visit in Dak Lak Province on 10-12 March 2022.' },
  { line: 32, number: 3, title: 'Livelihood support empowers single mother of four to invest in her children’s future', date: '2022-03-24', dateText: '24 March 2022', text: { first: 'Single parent in Hanoi benefits', last: 'education of her children.' } },
  { line: 38, number: 4, title: 'What moves the needle on gender equality in the garment sector?', date: '2022-03-21', dateText: '21 March 2022', text: 'Dialogue, men’s involvement, good legislation and time. A new report from ILO identifies these and other ingredients of successful actions to eliminate gender inequality in Asia’s garment sector.' },
  { line: 45, number: 1, title: 'What future for the Asia garment industry post-COVID?', date: '2021-08-04', dateText: '04 August 2021', text: { first: 'The COVID-19 crisis has hit', last: 'sustainable and human-centred future.' } },
  { line: 51, number: 2, title: '10 years on from the ILO Domestic Workers Convention: What has changed?', date: '2021-07-29', dateText: '29 July 2021', text: { first: 'Over half of the world’s', last: 'workers in the region.' } },
  { line: 57, number: 3, title: 'A bridge over troubled water', date: '2021-07-09', dateText: '09 July 2021', text: 'By André Gama, Social Protection Programme Manager, ILO Viet Nam' },
  { line: 63, number: 4, title: 'Strengthening productivity and OSH through ILO SCORE Training ensured survival during crisis', date: '2021-06-08', dateText: '08 June 2021', text: { first: 'Faced with the unprecedented challenge', last: 'the company were mitigated.' } },
  { line: 69, number: 5, title: 'Effective wage negotiation is key to expanding domestic market as engine for post-pandemic growth', date: '2021-04-29', dateText: '29 April 2021', text: 'Workers are consumers as well as producers, ILO Viet Nam Director Chang-Hee Lee emphasizes when sharing his thoughts on today’s roles of Viet Nam Trade Union on the occasion of May Day.' },
  { line: 75, number: 6, title: 'Cooperatives - a key path to promote responsible business conduct in Vietnam', date: '2021-03-31', dateText: '31 March 2021', text: 'The Responsible Supply Chains in Asia programme is targeting a key business organisation with training and capacity building.' },
  { line: 81, number: 7, title: 'COVID-19 containment measures heighten wage inequality in Thailand and Viet Nam', date: '2021-02-18', dateText: '18 February 2021', text: 'Containment measures during 2020 to combat the spread of the COVID-19 pandemic have led to heightened inequality, as evidenced by emerging trends in key wage indicators in Thailand and Viet Nam.' },
  { line: 88, number: 1, title: 'ILO SCORE Training improves productivity and workspace that benefits all', date: '2020-12-01', dateText: '01 December 2020', text: { first: 'As the COVID-19 pandemic was', last: 'the unknown business environment.' } },
  { line: 94, number: 2, title: 'How advocacy is moving the needle on labour standards in Vietnamese fisheries and aquaculture', date: '2020-11-19', dateText: '19 November 2020', text: 'A joint ILO/EU/OECD programme is seeing the fruits of its outreach activities in a crucial Vietnamese industry' },
  { line: 100, number: 3, title: 'Social dialogue, a key to business survival and resilience in Viet Nam', date: '2020-08-13', dateText: '13 August 2020', text: { first: 'The COVID-19 pandemic has had', last: 'the most vulnerable workers.' } },
  { line: 106, number: 4, title: 'Viet Nam: Adding value through CSR training in wood sector', date: '2020-05-28', dateText: '28 May 2020', text: 'A training of enterprises seminar highlights the upside for business in improving labour management practices' },
  { line: 112, number: 5, title: 'New normal? Better normal!', date: '2020-05-01', dateText: '01 May 2020', text: 'The COVID-19 pandemic has laid bare in the cruellest way, the extraordinary precariousness and injustices of our world of work, says ILO Director-General, Guy Ryder.' },
  { line: 118, number: 6, title: 'Interviews: Covid-19 in the wood furniture manufacturing sector Viet Nam', date: '2020-04-30', dateText: '30 April 2020', text: { first: 'We have been keeping in', last: 'they see their future.' } },
  { line: 124, number: 7, title: 'Tackling child labour in Viet Nam through vocational training and educational support', date: '2020-04-23', dateText: '23 April 2020', text: { first: 'The International Labour Organization (ILO)', last: 'building and direct interventions.' } },
];

const EVENTS_VI: ExpectedEvent[] = [
  { line: 7, number: 1, title: 'Cuộc họp kỹ thuật lần thứ sáu của các chuyên gia đầu mối về thống kê di cư lao động quốc tế trong ASEAN', start: '2020-09-17', end: null, dateText: '2020/09/17', text: 'Cuộc họp thảo luận về dữ liệu thống kê di cư lao động quốc tế, với sự tham gia của đại diện chính phủ các nước, Ban Thư ký ASEAN, bộ phận Thống kê ASEAN và ILO.' },
  { line: 13, number: 2, title: 'Tham vấn về quản lý hoạt động tuyển dụng và Dự thảo Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng (sửa đổi)', start: '2020-09-15', end: null, dateText: '2020/09/15', text: { first: 'Hội thảo tham vấn sẽ', last: 'di cư Việt Nam.' } },
  { line: 21, number: 1, title: 'Hội thảo SCORE chia sẻ thực tiễn tốt', start: '2020-07-28', end: null, dateText: '2020/07/28', text: null },
  { line: 25, number: 2, title: 'Hội thảo trực tuyến của ILO về COVID-19: Bảo vệ người lao động tại nơi làm việc ở châu Á - Thái Bình Dương', start: '2020-07-23', end: null, dateText: '2020/07/23', text: { first: 'Hội thảo trực tuyến này', last: 'chính sách của ILO.' } },
  { line: 31, number: 3, title: 'Phiên họp mở trực tuyến tại Hội thảo của Ủy ban ASEAN về Lao động di cư (ACMW) về xây dựng Kế hoạch hành động giai đoạn 2021-2025 và các cuộc họp trù bị trực tuyến', start: '2020-07-22', end: '2020-07-23', dateText: '2020/07/22 - 2020/07/23', text: null },
  { line: 37, number: 1, title: 'Ra mắt sách: "An ILO For All Seasons" (Một ILO cho mọi thời kỳ)', start: '2020-06-29', end: null, dateText: '2020/06/29', text: { first: 'Trong hơn một trăm năm', last: 'một trăm năm qua.' } },
  { line: 43, number: 2, title: 'Ra mắt sách: "Still Work to be Done" (Vẫn còn nhiều việc phải làm)', start: '2020-06-25', end: null, dateText: '2020/06/25', text: { first: 'Trong cuốn sách này, Luc', last: 'tiến bộ xã hội.' } },
  { line: 49, number: 3, title: 'Hội thảo trực tuyến của ILO về COVID-19: Kích thích nền kinh tế và việc làm ở châu Á - Thái Bình Dương', start: '2020-06-23', end: null, dateText: '2020/06/23', text: null },
  { line: 55, number: 1, title: 'Trách nhiệm xã hội trong quản lý lao động tại các doanh nghiệp chế biến gỗ', start: '2020-05-26', end: '2020-05-27', dateText: '2020/05/26 - 2020/05/27', text: 'Chương trình Chuỗi cung ứng có trách nhiệm tại châu Á tổ chức hội thảo tập huấn dành cho lãnh đạo doanh nghiệp ngành gỗ, cán bộ cơ quan nhà nước, công đoàn và người sử dụng lao động.' },
  { line: 63, number: 1, title: 'Hội thảo kỹ thuật trực tuyến: Hệ thống quản lý môi trường trong ngành dệt may', start: '2020-04-30', end: null, dateText: '2020/04/30', text: { first: 'Hội thảo kỹ thuật trực', last: 'tại châu Á (ILO-Sida).' } },
  { line: 71, number: 1, title: 'Các cuộc họp kỹ thuật về hồ sơ phê chuẩn Công ước số 105', start: '2020-03-01', end: '2020-03-07', dateText: '2020/03/01 - 2020/03/07', text: { first: 'Trong quý I năm 2020,', last: 'Công ước số 105.' } },
  { line: 77, number: 2, title: 'Chuyến học tập tại Sri Lanka tìm hiểu về Vùng không có lao động trẻ em', start: '2020-03-01', end: '2020-03-10', dateText: '2020/03/01 - 2020/03/10', text: { first: 'Dự án ENHANCE tổ chức', last: 'lao động trẻ em.' } },
  { line: 85, number: 1, title: 'Khảo sát KAP cuối kỳ của Dự án ENHANCE', start: '2020-02-25', end: '2020-02-29', dateText: '2020/02/25 - 2020/02/29', text: 'Dự án ENHANCE sẽ tiến hành khảo sát cuối kỳ về Kiến thức, Thái độ và Thực hành (KAP) liên quan đến lao động trẻ em tại Việt Nam nhằm đánh giá những thay đổi kể từ khi dự án được triển khai.' },
  { line: 91, number: 2, title: 'Cuộc họp khởi động "Nhóm tư vấn CSR" nhằm thúc đẩy trách nhiệm xã hội doanh nghiệp trong chuỗi cung ứng thủy sản tại Việt Nam', start: '2020-02-20', end: null, dateText: '2020/02/20', text: { first: 'Khoảng 30 đại biểu sẽ', last: 'và ILO Hà Nội.' } },
  { line: 97, number: 3, title: 'Hội thảo kỹ thuật "Thực hiện CSR tại doanh nghiệp - vai trò và sự tham gia của người lao động" dành cho các nhà hoạch định chính sách', start: '2020-02-13', end: '2020-02-14', dateText: '2020/02/13 - 2020/02/14', text: { first: 'Đại diện các Sở Lao', last: 'ra trong năm nay.' } },
  { line: 103, number: 4, title: 'Hội thảo tổng kết chiến dịch quốc gia về tăng cường tuân thủ pháp luật lao động trong ngành chế biến gỗ năm 2019', start: '2020-02-01', end: '2020-02-07', dateText: '2020/02/01 - 2020/02/07', text: { first: 'Thanh tra Bộ Lao động', last: 'gỗ trên toàn quốc".' } },
  { line: 111, number: 1, title: 'Sắp công bố Điều tra quốc gia về lao động trẻ em (NCLS) năm 2018', start: '2020-01-01', end: null, dateText: '2020/01/01', text: { first: 'Kết quả Điều tra NCLS', last: 'hội (ILSSA) chuẩn bị.' } },
  { line: 117, number: 2, title: 'Dự án ENHANCE hỗ trợ xây dựng hệ thống chứng nhận sản phẩm không sử dụng lao động trẻ em', start: '2020-01-01', end: '2020-04-30', dateText: '2020/01/01 - 2020/04/30', text: { first: 'Dự án ENHANCE sẽ hỗ', last: 'thôn Việt Nam (VIRI).' } },
];

describe('seed: events.en.txt', () => {
  const listing = parseListing(seed('events.en.txt'));

  test('page heading, kind, language and intro', () => {
    assert.equal(listing.kind, 'events');
    assert.equal(listing.lang, 'en');
    assert.equal(listing.heading, 'Events and meetings');
    assert.equal(
      listing.intro,
      'The ILO Country Office for Viet Nam organizes and takes part in a number of events and meetings. Below is a list of upcoming and past events. Any queries should be sent to the office by email.',
    );
    assert.deepEqual(listing.articles, []);
  });

  test('all 20 events in order, every field', () => {
    assertEvents(listing, EVENTS_EN);
  });

  test('each event keeps the month heading it stood under', () => {
    assert.deepEqual(
      listing.events.map((e) => e.monthHeading),
      ['2020-09', '2020-09', '2020-07', '2020-07', '2020-07', '2020-07', '2020-06', '2020-06', '2020-06', '2020-05', '2020-04', '2020-03', '2020-03', '2020-03', '2020-02', '2020-02', '2020-02', '2020-02', '2020-01', '2020-01'],
    );
  });

  test('numbering restarts under each month', () => {
    assert.deepEqual(
      listing.events.map((e) => e.number),
      [1, 2, 1, 2, 3, 4, 1, 2, 3, 1, 1, 1, 2, 3, 1, 2, 3, 4, 1, 2],
    );
  });

  test('curly quotes and apostrophes come through untouched', () => {
    assert.ok(listing.events[3]!.description!.includes('“Pillar 3: Protecting workers in the workplace”'));
    assert.ok(listing.events[19]!.description!.includes('project’s current livelihood interventions'));
  });
});

describe('seed: articles.en.txt', () => {
  const listing = parseListing(seed('articles.en.txt'));

  test('page heading, kind and language; no intro', () => {
    assert.equal(listing.kind, 'articles');
    assert.equal(listing.lang, 'en');
    assert.equal(listing.heading, 'Feature articles');
    assert.equal(listing.intro, null);
    assert.deepEqual(listing.events, []);
  });

  test('all 20 articles in order, every field', () => {
    assert.equal(listing.articles.length, ARTICLES_EN.length);
    ARTICLES_EN.forEach((e, i) => {
      const a = listing.articles[i]!;
      const label = `article ${i + 1} (line ${e.line})`;
      assert.equal(a.line, e.line, label);
      assert.equal(a.number, e.number, label);
      assert.equal(a.title, e.title, label);
      assert.equal(a.date, e.date, label);
      assert.equal(a.dateText, e.dateText, label);
      if (i === 8) {
        assert.equal(a.summary, null, label);
      } else {
        assertText(a.summary, e.text, label);
      }
      if (i === 1) {
        assert.deepEqual(a.credit, { holder: 'ILO', photographer: 'Nguyen Hai Dat', year: 2024 }, label);
      } else {
        assert.equal(a.credit, null, label);
      }
      if (i !== 8) assert.equal(a.byline, null, label);
    });
  });

  test('the byline stands where the summary would be', () => {
    const a = listing.articles[8]!;
    assert.equal(a.title, 'A bridge over troubled water');
    assert.equal(a.summary, null);
    assert.deepEqual(a.byline, {
      kind: 'by',
      name: 'André Gama',
      role: 'Social Protection Programme Manager',
      organisation: 'ILO Viet Nam',
    });
  });

  test('the credit on the numbered line belongs to the article after it', () => {
    const a = listing.articles[1]!;
    assert.equal(a.line, 11);
    assert.equal(a.title, 'Advocating for universal maternity coverage for Vietnamese women');
    assert.equal(a.date, '2023-05-17');
  });

  test('year groups: 2024, 2023, 2022 ×4, 2021 ×7, 2020 ×7, numbering restarting in each', () => {
    const years = listing.articles.map((a) => a.date.slice(0, 4));
    assert.deepEqual(years, ['2024', '2023', ...Array(4).fill('2022'), ...Array(7).fill('2021'), ...Array(7).fill('2020')]);
    assert.deepEqual(
      listing.articles.map((a) => a.number),
      [1, 1, 1, 2, 3, 4, 1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6, 7],
    );
  });

  test('articles are newest first', () => {
    const dates = listing.articles.map((a) => a.date);
    assert.deepEqual(dates, [...dates].sort().reverse());
  });
});

describe('seed: events.vi.txt', () => {
  const listing = parseListing(seed('events.vi.txt'));

  test('page heading, kind, language and intro', () => {
    assert.equal(listing.kind, 'events');
    assert.equal(listing.lang, 'vi');
    assert.equal(listing.heading, 'Sự kiện và cuộc họp');
    assert.ok(listing.intro?.startsWith('Văn phòng ILO tại Việt Nam tổ chức và tham gia nhiều sự kiện và cuộc họp.'));
  });

  test('18 of the 20 events, every field', () => {
    assertEvents(listing, EVENTS_VI);
  });

  test('month headings written in words', () => {
    assert.deepEqual(
      listing.events.map((e) => e.monthHeading),
      ['2020-09', '2020-09', '2020-07', '2020-07', '2020-07', '2020-06', '2020-06', '2020-06', '2020-05', '2020-04', '2020-03', '2020-03', '2020-02', '2020-02', '2020-02', '2020-02', '2020-01', '2020-01'],
    );
  });

  test('lines up with the English page on dates', () => {
    const english = parseListing(seed('events.en.txt')).events;
    for (const e of listing.events) {
      assert.ok(english.some((x) => x.start === e.start && x.end === e.end), `${e.start} ${e.end}`);
    }
  });

  test('the page is composed Unicode with Vietnamese diacritics', () => {
    const text = seed('events.vi.txt');
    assert.equal(text, text.normalize('NFC'));
    assert.ok(listing.events.every((e) => /[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/i.test(e.title)));
  });
});

/** Parses, failing the test if the listing is refused. */
function parse(text: string, kind?: ListingKind): ParsedListing {
  return kind ? parseListing(text, { kind }) : parseListing(text);
}

/** Asserts the listing is refused on `line`, with a reason matching `reason`. */
function refuses(text: string, line: number, reason: RegExp | string, kind?: ListingKind): ListingParseError {
  let caught: unknown;
  try {
    parse(text, kind);
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof ListingParseError, `expected a ListingParseError, got ${String(caught)}`);
  assert.equal(caught.line, line, caught.message);
  if (typeof reason === 'string') assert.equal(caught.reason, reason);
  else assert.match(caught.reason, reason);
  assert.equal(caught.message, `line ${line}: ${caught.reason}`);
  // A reason is a sentence for a person, not a stack trace or a regex.
  assert.ok(caught.reason.length > 15 && caught.reason.length < 260, caught.reason);
  assert.ok(!/undefined|null|NaN|\[object/.test(caught.reason), caught.reason);
  return caught;
}

const lines = (...l: string[]): string => l.join('\n');

describe('tricky layouts', () => {
  test('no month headings at all', () => {
    const listing = parse(
      lines(
        'Events',
        '',
        '  1. First meeting',
        '',
        '    17 September 2020',
        '',
        '  2. Second meeting',
        '',
        '    15 September 2020',
        '',
        '    Its description.',
      ),
    );
    assert.equal(listing.kind, 'events');
    assert.equal(listing.intro, null);
    assert.deepEqual(
      listing.events.map((e) => [e.line, e.number, e.title, e.start, e.description, e.monthHeading]),
      [
        [3, 1, 'First meeting', '2020-09-17', null, null],
        [7, 2, 'Second meeting', '2020-09-15', 'Its description.', null],
      ],
    );
  });

  test('"Past events" as the page heading and "Upcoming events" as a section between items', () => {
    const listing = parse(
      lines(
        'Past events',
        '',
        'September 2020',
        '',
        '  1. Old one',
        '',
        '    17 September 2020',
        '',
        'Upcoming events',
        '',
        '  1. New one',
        '',
        '    3 January 2027',
      ),
    );
    assert.equal(listing.heading, 'Past events');
    assert.equal(listing.kind, 'events');
    assert.deepEqual(
      listing.events.map((e) => [e.title, e.number, e.monthHeading]),
      [
        ['Old one', 1, '2020-09'],
        ['New one', 1, null],
      ],
    );
  });

  test('"Upcoming events" and "Past events" as sections under the page heading, with month headings inside', () => {
    const listing = parse(
      lines(
        'Events and meetings',
        'Intro text.',
        'Upcoming events',
        'January 2027',
        '  1. Next year',
        '    5 - 6 January 2027',
        'Past events',
        'September 2020',
        '  1. Last year',
        '    17 September 2020',
      ),
    );
    assert.equal(listing.intro, 'Intro text.');
    assert.deepEqual(
      listing.events.map((e) => [e.line, e.title, e.start, e.end, e.monthHeading]),
      [
        [5, 'Next year', '2027-01-05', '2027-01-06', '2027-01'],
        [9, 'Last year', '2020-09-17', null, '2020-09'],
      ],
    );
  });

  test('year groups separated only by blank lines, numbering restarting', () => {
    const listing = parse(
      lines('Feature articles', '', '', '  1. A', '', '    05 April 2022', '', '', '  1. B', '', '    01 May 2020', '', '  2. C', '', '    23 April 2020'),
    );
    assert.deepEqual(
      listing.articles.map((a) => [a.line, a.number, a.title, a.date, a.summary]),
      [
        [4, 1, 'A', '2022-04-05', null],
        [9, 1, 'B', '2020-05-01', null],
        [13, 2, 'C', '2020-04-23', null],
      ],
    );
  });

  test('year headings, when a page has them, are checked against the dates', () => {
    const listing = parse(lines('Feature articles', '2022', '  1. A', '    05 April 2022', '2020', '  1. B', '    01 May 2020'));
    assert.deepEqual(
      listing.articles.map((a) => a.date),
      ['2022-04-05', '2020-05-01'],
    );
    refuses(lines('Feature articles', '2022', '  1. A', '    05 April 2021'), 4, /dated 5 April 2021 but is listed under the year 2022/);
  });

  test('every date form the office uses', () => {
    const forms: [string, string, string | null][] = [
      ['17 September 2020', '2020-09-17', null],
      ['05 September 2020', '2020-09-05', null],
      ['22 - 23 September 2020', '2020-09-22', '2020-09-23'],
      ['13-14 September 2020', '2020-09-13', '2020-09-14'],
      ['13 – 14 Sep 2020', '2020-09-13', '2020-09-14'],
      ['1 September - 30 October 2020', '2020-09-01', '2020-10-30'],
      ['28 September 2020 - 3 January 2021', '2020-09-28', '2021-01-03'],
      ['2020/09/25', '2020-09-25', null],
      ['2020/09/25 - 2020/09/29', '2020-09-25', '2020-09-29'],
      ['25/09/2020', '2020-09-25', null],
      ['17 tháng 9, 2020', '2020-09-17', null],
      ['17 tháng 9 năm 2020', '2020-09-17', null],
      ['22 - 23 tháng 9, 2020', '2020-09-22', '2020-09-23'],
      ['12 - 12 September 2020', '2020-09-12', null],
    ];
    const text = lines('Events', 'September 2020', ...forms.flatMap(([dateText], i) => [`  ${i + 1}. Event ${i + 1}`, `    ${dateText}`]));
    const listing = parse(text);
    assert.deepEqual(
      listing.events.map((e) => [e.dateText, e.start, e.end]),
      forms,
    );
    // Vietnamese dates make the page Vietnamese even under an English heading.
    assert.equal(listing.lang, 'vi');
  });

  test('photo credit on its own line before the numbered title, with and without a blank line', () => {
    const listing = parse(
      lines(
        'Feature articles',
        '',
        '    © ILO/Nguyen Hai Dat 2024',
        '',
        '  1. With a blank line',
        '',
        '    17 May 2023',
        '',
        '    © ILO 2022',
        '  2. Without a blank line',
        '    05 April 2022',
        '  3. No credit',
        '    04 April 2022',
      ),
    );
    assert.deepEqual(
      listing.articles.map((a) => [a.line, a.title, a.credit]),
      [
        [5, 'With a blank line', { holder: 'ILO', photographer: 'Nguyen Hai Dat', year: 2024 }],
        [10, 'Without a blank line', { holder: 'ILO', photographer: null, year: 2022 }],
        [12, 'No credit', null],
      ],
    );
  });

  test('photo credit on the numbered line, title right below it or after a blank line, or on a bare number', () => {
    const listing = parse(
      lines(
        'Bài viết nổi bật',
        '  1. © ILO/Nguyen Hai Dat 2024',
        '    Title right below',
        '    2023/05/17',
        '  2. ©ILO/Nguyen Hai Dat',
        '',
        '    Title after a blank',
        '',
        '    2023/05/16',
        '  3.',
        '    (c) ILO',
        '    Title after a bare number',
        '    2023/05/15',
      ),
    );
    assert.equal(listing.lang, 'vi');
    assert.deepEqual(
      listing.articles.map((a) => [a.line, a.number, a.title, a.date, a.credit]),
      [
        [2, 1, 'Title right below', '2023-05-17', { holder: 'ILO', photographer: 'Nguyen Hai Dat', year: 2024 }],
        [5, 2, 'Title after a blank', '2023-05-16', { holder: 'ILO', photographer: 'Nguyen Hai Dat', year: null }],
        [10, 3, 'Title after a bare number', '2023-05-15', { holder: 'ILO', photographer: null, year: null }],
      ],
    );
  });

  test('bylines where the summary is, and a summary that merely starts with "By"', () => {
    const listing = parse(
      lines(
        'Articles',
        '  1. Op-ed piece',
        '    29 April 2021',
        '    Op-ed by Chang-Hee Lee, ILO Viet Nam Director',
        '  2. Byline then summary',
        '    28 April 2021',
        '    By Jane Doe',
        '',
        '    The summary follows the byline.',
        '  3. Not a byline',
        '    27 April 2021',
        '    By 2030, every worker should be covered.',
      ),
    );
    const [a, b, c] = listing.articles;
    assert.deepEqual(a!.byline, { kind: 'op-ed', name: 'Chang-Hee Lee', role: 'ILO Viet Nam Director', organisation: null });
    assert.equal(a!.summary, null);
    assert.deepEqual(b!.byline, { kind: 'by', name: 'Jane Doe', role: null, organisation: null });
    assert.equal(b!.summary, 'The summary follows the byline.');
    assert.equal(c!.byline, null);
    assert.equal(c!.summary, 'By 2030, every worker should be covered.');
  });

  test('titles with quotes, parentheses, colons and numbers are kept whole', () => {
    const titles = [
      'Book Launch: "An ILO For All Seasons"',
      'Launch of “Convention 98” (C098) - consultation',
      '10 years on: what has changed?',
      "Workers' rights (Revised) & more",
    ];
    const listing = parse(lines('Events', ...titles.flatMap((t, i) => [`  ${i + 1}. ${t}`, '    1 July 2020'])));
    assert.deepEqual(
      listing.events.map((e) => e.title),
      titles,
    );
  });

  test('CRLF line endings, a BOM, tabs, trailing spaces and no final newline', () => {
    const text = '\uFEFFEvents and meetings  \r\n\r\nIntro.\t\r\n\r\nJuly 2020 \r\n\r\n\t1.\tTabbed   title  \r\n\r\n\t\t22 - 23 July 2020\t\r\n\r\n\t\tFirst  paragraph. \r\n\r\n\t\tSecond paragraph.';
    const listing = parse(text);
    assert.equal(listing.heading, 'Events and meetings');
    assert.equal(listing.intro, 'Intro.');
    assert.deepEqual(listing.events, [
      {
        line: 7,
        number: 1,
        title: 'Tabbed title',
        start: '2020-07-22',
        end: '2020-07-23',
        dateText: '22 - 23 July 2020',
        description: 'First paragraph.\n\nSecond paragraph.',
        monthHeading: '2020-07',
      },
    ]);
  });

  test('old Mac line endings (CR only)', () => {
    const listing = parse('Events\r  1. A\r    1 July 2020\r    Text.');
    assert.equal(listing.events[0]!.line, 2);
    assert.equal(listing.events[0]!.description, 'Text.');
  });

  test('descriptions of several paragraphs, lines of one paragraph joined with a space', () => {
    const listing = parse(
      lines(
        'Events',
        '  1. Long one',
        '    1 July 2020',
        '    First paragraph,',
        '    wrapped over two lines.',
        '',
        '    Second paragraph.',
        '',
        '',
        '    Third paragraph.',
        '  2. Next',
        '    2 July 2020',
      ),
    );
    assert.equal(listing.events[0]!.description, 'First paragraph, wrapped over two lines.\n\nSecond paragraph.\n\nThird paragraph.');
    assert.equal(listing.events[1]!.description, null);
  });

  test('an intro of several paragraphs is kept, trimmed', () => {
    const listing = parse(lines('Sự kiện', '', '  Đoạn một.  ', '', 'Đoạn hai,', 'tiếp theo.', '', 'Tháng Chín 2020', '  1. Hội thảo', '    2020/09/17'));
    assert.equal(listing.lang, 'vi');
    assert.equal(listing.intro, 'Đoạn một.\n\nĐoạn hai, tiếp theo.');
    assert.equal(listing.events[0]!.monthHeading, '2020-09');
  });

  test('an event listed under its start month although it ends in the next', () => {
    const listing = parse(lines('Events', 'December 2020', '  1. Year end', '    28 December 2020 - 3 January 2021'));
    assert.deepEqual([listing.events[0]!.start, listing.events[0]!.end], ['2020-12-28', '2021-01-03']);
  });

  test('Vietnamese month headings in every accepted spelling', () => {
    const listing = parse(
      lines('Sự kiện', 'Tháng Giêng 2021', '  1. A', '    2021/01/05', 'Tháng 12/2020', '  1. B', '    2020/12/05', 'tháng mười một 2020', '  1. C', '    2020/11/05', 'Tháng 10 năm 2020', '  1. D', '    2020/10/05'),
    );
    assert.deepEqual(
      listing.events.map((e) => e.monthHeading),
      ['2021-01', '2020-12', '2020-11', '2020-10'],
    );
  });

  test('the kind can come from the options when the page has no heading', () => {
    const listing = parse(lines('September 2020', '  1. A', '    17 September 2020'), 'events');
    assert.equal(listing.kind, 'events');
    assert.equal(listing.heading, '');
    assert.equal(listing.lang, 'en');
    assert.equal(listing.events.length, 1);
    const articles = parse(lines('  1. A', '    17 September 2020'), 'articles');
    assert.equal(articles.articles[0]!.date, '2020-09-17');
  });

  test('an unknown heading is accepted when the options give the kind', () => {
    const listing = parse(lines('News from the office', '', 'A few words.', '', '  1. A', '    01 May 2020'), 'articles');
    assert.equal(listing.heading, 'News from the office');
    assert.equal(listing.intro, 'A few words.');
  });

  test('headings are recognised in any case and with a trailing colon', () => {
    assert.equal(parse(lines('FEATURE ARTICLES:', '  1. A', '    01 May 2020')).kind, 'articles');
    assert.equal(parse(lines('Bài viết', '  1. A', '    01 May 2020')).lang, 'vi');
    assert.equal(parse(lines('Upcoming events', '  1. A', '    01 May 2027')).kind, 'events');
  });

  test('a page with a heading and no items yet', () => {
    const listing = parse(lines('Upcoming events', '', 'There are no upcoming events at the moment.'));
    assert.deepEqual(listing.events, []);
    assert.equal(listing.intro, 'There are no upcoming events at the moment.');
  });
});

describe('refusals name the line and the reason', () => {
  test('a date that does not exist', () => {
    const err = refuses(lines('Events', '', 'April 2020', '', '  1. A', '', '    31 April 2020'), 7, '"31 April 2020" is not a real date (April 2020 has 30 days)');
    assert.equal(err.message, 'line 7: "31 April 2020" is not a real date (April 2020 has 30 days)');
  });

  test('a date line that cannot be read', () => {
    refuses(lines('Events', '  1. A', '    17 Septembre 2020'), 3, /"Septembre" .*is not a month/);
    refuses(lines('Events', '  1. A', '    17/9/20'), 3, /four-digit year/);
  });

  test('dates outside the years 1900 to 2100, and an event lasting more than two years', () => {
    refuses(lines('Events', '  1. A', '    1 January 2000 - 31 December 3999'), 3, /between 1900 and 2100/);
    refuses(lines('Events', '  1. A', '    1 January 2020 - 31 December 2022'), 3, /"A" \(item 1\) lasts 1096 days; an event lasts at most 731/);
  });

  test('a range that ends before it starts', () => {
    refuses(lines('Events', 'July 2020', '  1. A', '    23 - 22 July 2020'), 4, /the range ends before it starts/);
  });

  test('an item with no date line, followed by the next item', () => {
    refuses(lines('Events', '', '  1. Lonely title', '', '  2. Next', '    1 July 2020'), 3, /"Lonely title" \(item 1\) has no date line/);
  });

  test('an item with no date line, at the end of the page', () => {
    refuses(lines('Events', '  1. A', '    1 July 2020', '  2. Last title'), 4, /"Last title" \(item 2\) has no date line/);
  });

  test('an item whose description stands where the date should be', () => {
    refuses(
      lines('Events', '  1. A title', '', '    This meeting discusses international labour migration data.'),
      4,
      /"A title" \(item 1\) has no date line: expected a date such as "17 September 2020" under the title, but found "This meeting/,
    );
  });

  test('a number line with no title', () => {
    refuses(lines('Events', '  1.', '    1 July 2020'), 2, 'item 1 has a number but no title; write the title after "1."');
  });

  test('a photo credit with no title after it', () => {
    refuses(lines('Feature articles', '  1. © ILO 2024', '', '    17 May 2023'), 4, /item 1 has a photo credit but no title/);
    refuses(lines('Feature articles', '  1. © ILO 2024', '  2. B', '    17 May 2023'), 2, /item 1 has a photo credit but no title/);
  });

  test('an event under the wrong month heading', () => {
    refuses(
      lines('Events and meetings', '', 'September 2020', '', '  1. A', '', '    17 September 2020', '', '  2. B', '', '    1 - 2 October 2020'),
      11,
      '"B" (item 2) starts on 1 October 2020 but is listed under "September 2020"; an item belongs under the month it starts in',
    );
    // Listed under the month it ends in, not the one it starts in.
    refuses(lines('Events', 'January 2021', '  1. Year end', '    28 December 2020 - 3 January 2021'), 4, /starts on 28 December 2020 but is listed under "January 2021"/);
  });

  test('text under a month heading that is not part of an item', () => {
    refuses(lines('Events', '', 'September 2020', '', 'Some stray note', '', '  1. A', '    17 September 2020'), 5, /"Some stray note" stands under the heading "September 2020" before any numbered item/);
  });

  test('text before the first item on a page without a heading', () => {
    refuses(lines('  17 September 2020', '  1. A', '    17 September 2020'), 1, /"17 September 2020" comes before the first numbered item/, 'events');
  });

  test('a date before the first item', () => {
    refuses(lines('Events and meetings', '', 'Intro.', '', '    17 September 2020', '', '  1. A', '    17 September 2020'), 5, /the date "17 September 2020" comes before the first numbered item/);
  });

  test('a heading that does not say what the page lists, and no kind given', () => {
    refuses(lines('News from the office', '', '  1. A', '    1 July 2020'), 1, /"News from the office" is not a page heading this importer knows/);
    refuses(lines('  1. A', '    1 July 2020'), 1, /page has no heading, so it is not clear whether it lists events or articles/);
  });

  test('a heading that contradicts the requested kind', () => {
    refuses(lines('Feature articles', '  1. A', '    01 May 2020'), 1, 'the page heading "Feature articles" is for articles, but this import expects events', 'events');
  });

  test('an empty page', () => {
    refuses('', 1, /the page is empty/);
    refuses('\uFEFF \r\n\t\r\n', 1, /the page is empty/);
  });

  test('numbering that skips', () => {
    refuses(lines('Events', '  1. A', '    1 July 2020', '  3. C', '    2 July 2020'), 4, 'this item is numbered 3 but the one before it is 1; expected 2, or 1 to start a new group');
    refuses(lines('Events', '  2. A', '    1 July 2020'), 2, /the first item is numbered 2; numbering should start at 1/);
  });

  test('a second date, which means a numbered title line is missing', () => {
    refuses(
      lines('Events', '  1. A', '    1 July 2020', '    Description of A.', '', '    B without its number', '', '    2 July 2020'),
      8,
      /"2 July 2020" looks like a second date for "A" \(item 1\); is the numbered title line of the next item missing/,
    );
  });

  test('a date range on an article', () => {
    refuses(lines('Feature articles', '  1. A', '    1 - 2 May 2020'), 3, '"1 - 2 May 2020" is a range, but an article has a single publication date');
  });

  test('a photo credit on an events page', () => {
    refuses(lines('Events', '  1. © ILO 2024', '    A title', '    1 July 2020'), 2, /events do not carry photo credits/);
    refuses(lines('Events', '© ILO 2024', '  1. A title', '    1 July 2020'), 2, /events do not carry photo credits/);
  });

  test('a photo credit that is not followed by an article', () => {
    refuses(lines('Feature articles', '  1. A', '    01 May 2020', '    Summary.', '    © ILO 2020'), 5, /this photo credit is not followed by a numbered article title/);
    refuses(lines('Feature articles', '  1. A', '    © ILO 2020', '    01 May 2020'), 3, /a photo credit must come before the title it belongs to/);
  });

  test('two photo credits for one article', () => {
    refuses(lines('Feature articles', '© ILO 2020', '  1. © ILO 2024', '    A', '    01 May 2020'), 3, 'item 1 has two photo credits (the other is on line 2)');
  });

  test('a month heading with nothing under it', () => {
    refuses(lines('Events', 'September 2020', '', 'August 2020', '  1. A', '    1 August 2020'), 2, 'the heading "September 2020" has no numbered items under it');
    refuses(lines('Events', '  1. A', '    1 August 2020', 'July 2020'), 4, 'the heading "July 2020" has no numbered items under it');
  });

  test('a "Past events" heading on an articles page', () => {
    refuses(lines('Feature articles', '  1. A', '    01 May 2020', 'Past events'), 4, /"Past events" is an events heading, but this is an articles page/);
  });
});
