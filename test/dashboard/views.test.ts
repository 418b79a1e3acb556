import { describe, expect, it } from 'vitest';
import { html, SafeHtml } from '../../src/dashboard/html.js';
import type { OverviewData, PageContext, UnitPageData } from '../../src/dashboard/model.js';
import {
  renderMessagePage,
  renderOverviewFragment,
  renderOverviewPage,
  renderUnitPage,
} from '../../src/dashboard/views/index.js';
import { buildStatus, type StatusIndicator, type StatusUnitRow } from '../../src/domain/status.js';
import { createTranslator } from '../../src/i18n/fluent.js';
import type { Locale } from '../../src/ports/translator.js';

const translator = createTranslator();

const ctxOf = (locale: Locale = 'vi', over: Partial<PageContext> = {}): PageContext => ({
  locale,
  t: (id, args) => translator.t(locale, id, args),
  timeZone: 'Asia/Ho_Chi_Minh',
  now: new Date('2027-07-20T03:00:00Z'),
  person: { name: 'Nguyễn Thị Quản Lý', scopeLabel: 'toàn ngành' },
  csrfToken: 'csrf-token-123',
  currentUrl: '/dashboard/?duty=BC6T&period=2027-H1&state=missing',
  ...over,
});

const cum1 = { code: 'CUM_1', name: 'Cụm thi đua số 1' };
let nextId = 1;
const unit = (over: Partial<StatusUnitRow> & { code: string; name: string }): StatusUnitRow => ({
  unitId: nextId++,
  typeCode: 'SO_TU_PHAP',
  clusters: [cum1],
  active: true,
  retiredAt: null,
  dueDate: '2027-07-15',
  submittedAt: null,
  storedState: 'pending',
  locked: false,
  documentSent: false,
  focalPoints: [{ name: 'Trần Văn Đầu Mối', channel: 'telegram' }],
  values: {},
  required: ['viec', 'tien'],
  ...over,
});

const indicators: StatusIndicator[] = [
  {
    code: 'viec',
    labelVi: 'Tỷ lệ giải quyết việc',
    labelEn: 'Cases resolved',
    kind: 'percent',
    aggregate: 'mean',
    targets: [{ scope: 'ALL', kind: 'floor', min: 80, max: null, inclusive: true }],
  },
  {
    code: 'tien',
    labelVi: 'Số tiền thu được',
    labelEn: 'Money recovered',
    kind: 'money',
    aggregate: 'sum',
    targets: [],
  },
];

const report = buildStatus({
  dutyCode: 'BC6T',
  dutyNameVi: 'Báo cáo công tác thi đua, khen thưởng 6 tháng đầu năm',
  dutyNameEn: 'Six-month emulation and commendation report',
  periodCode: '2027-H1',
  today: '2027-07-20',
  indicators,
  units: [
    unit({
      code: 'STP_HANOI',
      name: 'Sở Tư pháp Hà Nội',
      storedState: 'on_time',
      submittedAt: '2027-07-10T02:00:00.000Z',
      documentSent: true,
      values: { viec: 85, tien: 2_500_000 },
    }),
    unit({
      code: 'STP_DANANG',
      name: 'Sở Tư pháp Đà Nẵng',
      storedState: 'late',
      submittedAt: '2027-07-18T02:00:00.000Z',
      values: { viec: 70, tien: 1_000 },
    }),
    unit({ code: 'STP_X', name: '<script>alert(1)</script>' }),
  ],
});

const overview = (over: Partial<OverviewData> = {}): OverviewData => ({
  report,
  indicators,
  duties: [
    {
      code: 'BC6T',
      nameVi: report.dutyNameVi,
      nameEn: report.dutyNameEn,
      periods: ['2027-H1', '2026-H1'],
    },
  ],
  sectors: [{ code: 'SO_TU_PHAP', nameVi: 'Sở Tư pháp', nameEn: 'Departments of Justice' }],
  filters: {},
  canLock: true,
  locked: false,
  exportUrl: '/dashboard/export.xlsx?duty=BC6T&period=2027-H1',
  chartUrl: '/dashboard/chart.png?duty=BC6T&period=2027-H1',
  eventsUrl: '/dashboard/events',
  fragmentUrl: '/dashboard/?duty=BC6T&period=2027-H1',
  ...over,
});

const unitPage = (over: Partial<UnitPageData> = {}): UnitPageData => {
  const status = report.units.find((u) => u.code === 'STP_DANANG')!;
  return {
    unit: {
      id: status.unitId,
      code: status.code,
      name: status.name,
      typeNameVi: 'Sở Tư pháp',
      typeNameEn: 'Department of Justice',
      clusters: ['Cụm thi đua số 1'],
    },
    dutyCode: 'BC6T',
    dutyNameVi: report.dutyNameVi,
    dutyNameEn: report.dutyNameEn,
    periodCode: '2027-H1',
    status,
    indicators,
    locked: true,
    openUntil: new Date('2027-07-25T10:00:00Z'),
    documentRef: '123/BC-STP',
    documentSentAt: new Date('2027-07-18T02:00:00Z'),
    figures: [
      {
        code: 'viec',
        labelVi: 'Tỷ lệ giải quyết việc',
        labelEn: 'Cases resolved',
        kind: 'percent',
        value: 70,
        textValue: null,
        stored: true,
        revisions: [
          {
            at: new Date('2027-07-18T02:00:00Z'),
            personName: 'Trần Văn Đầu Mối',
            channel: 'zalo',
            oldValue: 65.5,
            newValue: 70,
            oldText: null,
            newText: null,
            reason: 'Nhập nhầm số liệu quý I',
            rawMessage: 'sửa việc 70% vì nhập nhầm <b>số</b>',
          },
        ],
      },
      {
        code: 'tien',
        labelVi: 'Số tiền thu được',
        labelEn: 'Money recovered',
        kind: 'money',
        value: 1000,
        textValue: null,
        stored: true,
        revisions: [],
      },
    ],
    ledger: [
      {
        kind: 'reminder',
        dutyCode: 'BC6T',
        dutyNameVi: report.dutyNameVi,
        dutyNameEn: report.dutyNameEn,
        periodCode: '2027-H1',
        stage: 'T-3',
        recipient: 'Trần Văn Đầu Mối',
        channel: 'telegram',
        status: 'sent',
        plannedFor: new Date('2027-07-12T01:00:00Z'),
        sentAt: new Date('2027-07-12T01:00:05Z'),
        error: null,
      },
    ],
    focalPoints: [
      {
        personId: 11,
        name: 'Trần Văn Đầu Mối',
        since: new Date('2027-01-05T02:00:00Z'),
        endedAt: null,
        endReason: null,
        channel: 'zalo',
      },
      {
        personId: 12,
        name: 'Lê Thị Cũ',
        since: new Date('2025-03-01T02:00:00Z'),
        endedAt: new Date('2027-01-05T02:00:00Z'),
        endReason: 'handover',
      },
    ],
    exceptions: [
      {
        id: 1234,
        requestedBy: 'Trần Văn Đầu Mối',
        reason: 'Cần sửa số tiền',
        status: 'pending',
        createdAt: new Date('2027-07-19T02:00:00Z'),
        decidedBy: null,
        decidedAt: null,
        openUntil: null,
      },
    ],
    canNudge: true,
    overviewUrl: '/dashboard/?duty=BC6T&period=2027-H1',
    ...over,
  };
};

/** What a reader sees: the HTML without its tags (attribute values left out). */
const textOf = (page: string) => page.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');

/** The `<form>` elements posting to `action`. */
const formsTo = (page: string, action: string) =>
  [...page.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)]
    .map((m) => m[0])
    .filter((f) => f.includes(`action="${action}"`));

describe('html', () => {
  it('escapes every value but its own markup; lists joined, nothing for null and false', () => {
    const name = '<img src=x onerror="alert(1)">&\'';
    const out = html`<p title="${name}">${name}${[html`<b>${1}</b>`, 'x<']}${null}${undefined}${false}</p>`;
    expect(out).toBeInstanceOf(SafeHtml);
    expect(String(out)).toBe(
      '<p title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;<b>1</b>x&lt;</p>',
    );
  });
});

describe('the overview page', () => {
  const page = renderOverviewPage(ctxOf(), overview());

  it('renders a unit named <script> as text, never as markup', () => {
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>alert');
  });

  it('has no inline script, no inline style and no on* attribute (the CSP allows none)', () => {
    for (const tag of page.match(/<script\b[^>]*>/g) ?? [])
      expect(tag).toMatch(/\bsrc="\/dashboard\/assets\/dashboard\.js"/);
    expect(page).toMatch(/<script src="\/dashboard\/assets\/dashboard\.js" defer><\/script>/);
    expect(page).not.toMatch(/<style\b|\sstyle=/);
    expect(page).not.toMatch(/\son[a-z]+=/);
    expect(page).toContain('<link rel="stylesheet" href="/dashboard/assets/dashboard.css">');
    expect(page).not.toMatch(/https?:\/\//);
  });

  it('is a Vietnamese page with a viewport, a skip link, landmarks and the person', () => {
    expect(page).toMatch(/^<!doctype html>\n<html lang="vi">/);
    expect(page).toContain('<meta name="viewport"');
    expect(page).toContain('<a class="skip-link" href="#main">Bỏ qua, đến nội dung chính</a>');
    expect(page).toMatch(/<header[\s>]/);
    expect(page).toMatch(/<nav[\s>]/);
    expect(page).toContain('<main id="main"');
    expect(textOf(page)).toContain('Nguyễn Thị Quản Lý Phạm vi: toàn ngành');
  });

  it('says the period in words, never as its code', () => {
    const text = textOf(page);
    expect(text).toContain('Tình hình nộp Báo cáo công tác thi đua, khen thưởng 6 tháng đầu năm 2027');
    expect(text).toContain('6 tháng đầu năm 2026');
    expect(text).not.toMatch(/\d{4}-H[12]/);
  });

  it('counts each state in words, each count a link to that state', () => {
    const counts = page.slice(
      page.indexOf('class="counts"'),
      page.indexOf('</section>', page.indexOf('class="counts"')),
    );
    expect(textOf(counts)).toMatch(
      /Đúng hạn 1 .*Nộp muộn 1 .*Nộp một phần 0 .*Chưa đến hạn 0 .*Chưa nộp 1 .*Tất cả đơn vị 3/,
    );
    expect(counts).toContain('href="/dashboard/?duty=BC6T&amp;period=2027-H1&amp;state=missing"');
    expect(textOf(counts)).toContain('Đã nộp đủ 2/3 đơn vị (66,7 %)');
  });

  it('marks each indicator value met or not met by a class and by words, not colour alone', () => {
    const met = /<td class="ind met">[\s\S]*?85 %[\s\S]*?<\/td>/.exec(page)?.[0];
    expect(met).toBeDefined();
    expect(textOf(met!)).toContain('Đạt chỉ tiêu (≥ 80 %)');
    const notMet = /<td class="ind not-met">[\s\S]*?70 %[\s\S]*?<\/td>/.exec(page)?.[0];
    expect(notMet).toBeDefined();
    expect(textOf(notMet!)).toContain('Chưa đạt chỉ tiêu (≥ 80 %)');
    expect(textOf(/<td class="ind no-target">2\.500\.000 đồng[\s\S]*?<\/td>/.exec(page)![0])).toContain(
      'Không có chỉ tiêu riêng',
    );
    expect(page).toMatch(/<td class="ind no-value">Chưa có số liệu<\/td>/);
  });

  it('shows each unit with its state word, times in words, a link to its page and its group', () => {
    const hanoi = report.units.find((u) => u.code === 'STP_HANOI')!;
    expect(page).toContain(`href="/dashboard/units/${hanoi.unitId}?duty=BC6T&amp;period=2027-H1"`);
    expect(page).toMatch(/<span class="state state-on_time">Đúng hạn<\/span>/);
    expect(page).toMatch(/<span class="state state-missing">Chưa nộp<\/span>/);
    expect(textOf(page)).toContain('09:00 ngày 10/07/2027');
    expect(textOf(page)).toContain('15/07/2027');
    expect(page).toMatch(/<th scope="rowgroup" colspan="8">Cụm thi đua số 1/);
    expect(page).toMatch(/<caption id="units-caption">/);
  });

  it('makes column headers links that sort, the active one with aria-sort', () => {
    expect(page).toMatch(
      /<th scope="col" class="col-unit" aria-sort="ascending"><a class="units-sort" href="[^"]*period=2027-H1&amp;dir=desc"/,
    );
    const sorted = renderOverviewPage(ctxOf(), overview({ filters: { sort: 'ind:viec', dir: 'desc' } }));
    expect(sorted).toMatch(
      /<th scope="col" class="col-ind" aria-sort="descending"><a class="units-sort" href="[^"]*sort=ind%3Aviec"/,
    );
    expect(sorted).not.toContain('scope="rowgroup"');
  });

  it('filters in a GET form with a label for every field, keeping duty and period', () => {
    const form = /<form class="filters"[\s\S]*?<\/form>/.exec(page)![0];
    for (const id of ['f-cluster', 'f-state', 'f-sector', 'f-q']) {
      expect(form).toContain(`<label for="${id}">`);
      expect(form).toContain(`id="${id}"`);
    }
    expect(form).toContain('method="get"');
    expect(form).toContain('<input type="hidden" name="period" value="2027-H1">');
    expect(form).toContain('<option value="missing">Chưa nộp</option>');
    expect(form).toContain('<option value="CUM_1">Cụm thi đua số 1</option>');
    expect(form).toMatch(/<button type="submit">Lọc<\/button>/);
  });

  it('offers the lock to who may set it, posting the form token', () => {
    const [lock] = formsTo(page, '/dashboard/lock');
    expect(lock).toContain('<input type="hidden" name="_csrf" value="csrf-token-123">');
    expect(lock).toContain('<input type="hidden" name="locked" value="1">');
    expect(lock).toContain('Khóa số liệu');
    const locked = renderOverviewPage(ctxOf(), overview({ locked: true }));
    expect(formsTo(locked, '/dashboard/lock')[0]).toMatch(/name="locked" value="0"[\s\S]*Mở khóa/);
    expect(formsTo(renderOverviewPage(ctxOf(), overview({ canLock: false })), '/dashboard/lock')).toEqual([]);
  });

  it('links the Excel file and shows the chart with a text alternative', () => {
    expect(page).toContain('href="/dashboard/export.xlsx?duty=BC6T&amp;period=2027-H1"');
    expect(page).toMatch(
      /<img src="\/dashboard\/chart\.png\?duty=BC6T&amp;period=2027-H1" alt="Biểu đồ [^"]+"/,
    );
  });

  it('signs out by a POST with the form token, and switches language keeping the query', () => {
    expect(formsTo(page, '/dashboard/signout')[0]).toContain('name="_csrf" value="csrf-token-123"');
    expect(page).toContain('href="/dashboard/?duty=BC6T&amp;period=2027-H1&amp;state=missing&amp;lang=en"');
    const after = renderOverviewPage(
      ctxOf('vi', { currentUrl: '/dashboard/?duty=BC6T&notice=locked' }),
      overview(),
    );
    expect(after).toContain('href="/dashboard/?duty=BC6T&amp;lang=en"');
  });

  it('gives the live region and the event stream to the script; the fragment is the same counts and table', () => {
    expect(page).toMatch(
      /<div id="overview" data-events="\/dashboard\/events" data-fragment="[^"]+" data-ended="[^"]+">/,
    );
    expect(page).toMatch(/id="dash-live"[^>]*aria-live="polite"/);
    const fragment = renderOverviewFragment(ctxOf(), overview());
    expect(fragment).not.toContain('<html');
    expect(fragment).toContain('class="counts"');
    expect(fragment).toContain('<table class="units">');
    expect(page).toContain(fragment.trim());
  });

  it('filtered to missing, lists only the missing unit', () => {
    const missing = renderOverviewFragment(ctxOf(), overview({ filters: { state: 'missing' } }));
    expect(missing).toContain('&lt;script&gt;');
    expect(missing).not.toContain('Sở Tư pháp Hà Nội</a>');
  });

  it('shows the action notice at the top in a status region', () => {
    const noticed = renderOverviewPage(
      ctxOf('vi', { notice: { kind: 'ok', text: 'Đã khóa <số liệu>' } }),
      overview(),
    );
    expect(noticed).toContain(
      '<div class="notice-area" role="status"><p class="notice notice-ok">Đã khóa &lt;số liệu&gt;</p></div>',
    );
  });

  it('in English has lang="en" and the period in English words', () => {
    const en = renderOverviewPage(ctxOf('en'), overview());
    expect(en).toMatch(/<html lang="en">/);
    const text = textOf(en);
    expect(text).toContain('first half of 2027');
    expect(text).toContain('On time');
    expect(text).toContain('Target met (≥ 80%)');
    expect(text).not.toMatch(/\d{4}-H[12]|\bdash-/);
  });
});

describe("a unit's page", () => {
  const page = renderUnitPage(ctxOf(), unitPage());

  it("shows a revision's time, person, channel, old → new, reason and the raw message (escaped)", () => {
    const row = /<tr id="rev-viec">[\s\S]*?<\/tr>/.exec(page)![0];
    const text = textOf(row);
    expect(text).toContain('09:00 ngày 18/07/2027');
    expect(text).toContain('Trần Văn Đầu Mối');
    expect(text).toContain('Zalo');
    expect(row).toMatch(/<span class="old">65,5 %<\/span>[\s\S]*→[\s\S]*<span class="new">70 %<\/span>/);
    expect(text).toContain('Nhập nhầm số liệu quý I');
    expect(row).toContain(
      '<blockquote class="raw">sửa việc 70% vì nhập nhầm &lt;b&gt;số&lt;/b&gt;</blockquote>',
    );
  });

  it('offers the nudge as a POST with the form token, duty and period', () => {
    const [form] = formsTo(page, `/dashboard/units/${unitPage().unit.id}/nudge`);
    expect(form).toContain('<input type="hidden" name="_csrf" value="csrf-token-123">');
    expect(form).toContain('name="duty" value="BC6T"');
    expect(form).toContain('name="period" value="2027-H1"');
    expect(form).toMatch(/<button type="submit">Đôn đốc<\/button>/);
  });

  it('disables the nudge with the reason when the unit cannot be nudged', () => {
    const off = renderUnitPage(ctxOf(), unitPage({ canNudge: false }));
    expect(off).toMatch(/<button type="submit" disabled aria-describedby="nudge-why">Đôn đốc<\/button>/);
    expect(off).toMatch(/<p id="nudge-why" class="hint">Lúc này chưa đôn đốc được/);
  });

  it('lets a pending exception be allowed or refused, each form with the token and the way back', () => {
    const forms = formsTo(page, '/dashboard/exceptions/1234');
    expect(forms).toHaveLength(2);
    for (const f of forms) {
      expect(f).toContain('<input type="hidden" name="_csrf" value="csrf-token-123">');
      expect(f).toContain('name="back" value="/dashboard/?duty=BC6T&amp;period=2027-H1&amp;state=missing"');
    }
    expect(forms[0]).toMatch(/name="decision" value="allow"[\s\S]*Đồng ý/);
    expect(forms[1]).toMatch(/name="decision" value="refuse"[\s\S]*Từ chối/);
    expect(textOf(page)).toContain('Đề nghị số 1234');
    const decided = unitPage().exceptions.map((x) => ({
      ...x,
      status: 'refused' as const,
      decidedBy: 'Vụ TĐKT',
    }));
    expect(
      formsTo(renderUnitPage(ctxOf(), unitPage({ exceptions: decided })), '/dashboard/exceptions/1234'),
    ).toEqual([]);
  });

  it('words the reminder ledger: times, kind, stage, recipient, channel and status', () => {
    const text = textOf(page);
    expect(text).toContain('08:00 ngày 12/07/2027');
    expect(text).toContain('nhắc hạn');
    expect(text).toContain('3 ngày trước hạn');
    expect(text).toContain('Telegram');
    expect(text).toContain('đã gửi');
    expect(text).not.toContain('T-3');
  });

  it('shows the state, lock, document and focal points with handovers', () => {
    const text = textOf(page);
    expect(page).toMatch(/<span class="state state-late">Nộp muộn<\/span>/);
    expect(text).toContain('Đã khóa số liệu (được mở để sửa đến 17:00 ngày 25/07/2027)');
    expect(text).toContain('Đã gửi lúc 09:00 ngày 18/07/2027 (số, ký hiệu: 123/BC-STP)');
    expect(text).toMatch(/Lê Thị Cũ 01\/03\/2025 05\/01\/2027 Đã bàn giao/);
    expect(text).toMatch(/Trần Văn Đầu Mối 05\/01\/2027 Hiện nay Zalo/);
    expect(text).not.toMatch(/\d{4}-H[12]|handover/);
    expect(page).toContain('href="/dashboard/?duty=BC6T&amp;period=2027-H1"');
  });

  it('every table has a caption and header cells with a scope', () => {
    for (const table of page.match(/<table>[\s\S]*?<\/table>/g) ?? []) {
      expect(table).toMatch(/<caption/);
      expect(table).not.toMatch(/<th(?![^>]*\bscope=)[\s>]/);
    }
  });

  it('in English has lang="en" and English words throughout', () => {
    const en = renderUnitPage(ctxOf('en'), unitPage());
    expect(en).toMatch(/<html lang="en">/);
    const text = textOf(en);
    expect(text).toContain('3 days before the deadline');
    expect(text).toContain('Revision history');
    expect(text).toContain('Request 1234');
    expect(text).not.toMatch(/\bdash-|\d{4}-H[12]/);
  });
});

describe('the message page', () => {
  it('shows the title and text and leads back to the dashboard', () => {
    const page = renderMessagePage(ctxOf('vi', { person: undefined, csrfToken: undefined }), {
      title: 'Đã đăng xuất',
      text: 'Đồng chí đã đăng xuất <ngay>.',
      status: 200,
    });
    expect(page).toContain('<h1>Đã đăng xuất</h1>');
    expect(page).toContain('Đồng chí đã đăng xuất &lt;ngay&gt;.');
    expect(page).toContain('<a href="/dashboard/">Về bảng điều khiển</a>');
    expect(page).not.toContain('/dashboard/signout');
  });

  it('carries the sign-in form the script submits, its token escaped', () => {
    const page = renderMessagePage(ctxOf('vi', { person: undefined, csrfToken: undefined }), {
      title: 'Đăng nhập',
      text: 'Đang đăng nhập…',
      status: 200,
      signIn: { action: '/dashboard/signin', token: 'abc"<x', button: 'Đăng nhập' },
    });
    expect(page).toContain('<form id="signin-form" method="post" action="/dashboard/signin">');
    expect(page).toContain('<input type="hidden" name="t" value="abc&quot;&lt;x">');
  });
});
