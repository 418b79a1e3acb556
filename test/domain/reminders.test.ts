import { describe, expect, it } from 'vitest';
import { addDays, createHolidayTable, type IsoDate, NO_HOLIDAYS } from '../../src/domain/calendar.js';
import {
  DEFAULT_REMINDER_STAGES,
  DEFAULT_WINDOW,
  type DueStage,
  inSendingWindow,
  isStageOffset,
  nextWindowOpening,
  PLANNING_HORIZON_DAYS,
  type PlanInput,
  type PlannerAssignment,
  parseStageLabel,
  parseStageList,
  plannedKey,
  planReminders,
  type ReminderPolicy,
  type SkippedStage,
  stageDate,
  stageLabel,
} from '../../src/domain/reminders.js';

const VN = 'Asia/Ho_Chi_Minh';
const STAGES = [-7, -3, -1, 0, 1, 3];

/** Tết 2026 as announced: 14–22 February off (the weekend days listed too, as entered). */
const tet2026 = createHolidayTable(
  ['14', '15', '16', '17', '18', '19', '20', '21', '22'].map((day) => ({
    date: `2026-02-${day}`,
    kind: 'holiday' as const,
  })),
);
/** Tết 2026 plus a make-up working Saturday, 11 Jul 2026. */
const withMakeUpSaturday = createHolidayTable([
  { date: '2026-02-16', kind: 'holiday' },
  { date: '2026-07-11', kind: 'workday' },
]);

const policies: ReminderPolicy[] = [
  { dutyCode: 'BC6T', stages: STAGES },
  { dutyCode: 'DKTD', stages: STAGES },
];

/** A wall-clock time in Vietnam (UTC+7), written independently of the calendar module. */
function vn(date: IsoDate, hhmm: string): Date {
  return new Date(`${date}T${hhmm}:00+07:00`);
}

function assignment(extra: Partial<PlannerAssignment> = {}): PlannerAssignment {
  return {
    id: 1,
    dutyCode: 'BC6T',
    periodCode: '2026-H1',
    unitCode: 'STP_HANOI',
    dueDate: '2026-07-15',
    complete: false,
    ...extra,
  };
}

function plan(now: Date, extra: Partial<PlanInput> = {}) {
  return planReminders({
    now,
    timeZone: VN,
    assignments: [assignment()],
    policies,
    holidays: tet2026,
    planned: new Set(),
    ...extra,
  });
}

function dueStage(stage: string, date: IsoDate, extra: Partial<DueStage> = {}): DueStage {
  const offset = parseStageLabel(stage);
  if (offset === null) throw new Error(`bad label in test: ${stage}`);
  return {
    assignmentId: 1,
    dutyCode: 'BC6T',
    periodCode: '2026-H1',
    unitCode: 'STP_HANOI',
    stage,
    offset,
    escalate: offset > 0,
    stageDate: date,
    ...extra,
  };
}

const superseded = (stage: string, assignmentId = 1): SkippedStage => ({
  assignmentId,
  stage,
  reason: 'superseded',
});
const tooOld = (stage: string, assignmentId = 1): SkippedStage => ({
  assignmentId,
  stage,
  reason: 'too_old',
});

/** The keys of a plan's due and skipped stages, as the ledger would store them. */
function keysOf(result: { due: DueStage[]; skipped: SkippedStage[] }): string[] {
  return [
    ...result.due.map((d) => `${d.assignmentId}|${d.stage}`),
    ...result.skipped.map((s) => `${s.assignmentId}|${s.stage}`),
  ];
}

describe('stage labels', () => {
  it.each([
    [-7, 'T-7'],
    [-3, 'T-3'],
    [-1, 'T-1'],
    [0, 'T0'],
    [1, 'T+1'],
    [3, 'T+3'],
    [10, 'T+10'],
    [-30, 'T-30'],
  ])('stageLabel(%i) = %s and back', (offset, label) => {
    expect(stageLabel(offset)).toBe(label);
    expect(parseStageLabel(label)).toBe(offset);
  });

  it.each([
    '',
    'T',
    'T+',
    'T-',
    'T+0',
    'T-0',
    'T00',
    'T-07',
    'T3',
    't-7',
    'T 3',
    ' T0',
    'T0 ',
    'T+1.5',
    'T--1',
    'T+1e3',
    'T-3|x',
    'T+99999999999999999999',
  ])('parseStageLabel(%j) = null', (label) => {
    expect(parseStageLabel(label)).toBeNull();
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY])('stageLabel(%d) throws', (offset) => {
    expect(() => stageLabel(offset)).toThrow(RangeError);
  });

  it('builds the ledger key of a stage', () => {
    expect(plannedKey(42, -3)).toBe('42|T-3');
    expect(plannedKey(7, 0)).toBe('7|T0');
    expect(plannedKey(7, 1)).toBe('7|T+1');
  });

  it.each([
    [-7, true],
    [0, true],
    [366, true],
    [-366, true],
    [367, false],
    [1.5, false],
    [Number.NaN, false],
    ['3', false],
    [null, false],
  ])('isStageOffset(%j) = %s', (value, expected) => {
    expect(isStageOffset(value)).toBe(expected);
  });
});

describe('stageDate', () => {
  it.each([
    // BC6T 2026, due Wed 15 Jul 2026.
    ['2026-07-15', -7, '2026-07-08', 'T-7 on a Wednesday'],
    ['2026-07-15', -3, '2026-07-10', 'T-3 on Sunday 12 Jul → Friday 10 Jul'],
    ['2026-07-15', -1, '2026-07-14', 'T-1 on a Tuesday'],
    ['2026-07-15', 0, '2026-07-15', 'T0 is the deadline'],
    ['2026-07-15', 1, '2026-07-16', 'T+1 on a Thursday'],
    ['2026-07-15', 3, '2026-07-20', 'T+3 on Saturday 18 Jul → Monday 20 Jul'],
    // DKTD 2026, moved out of Tết to Mon 23 Feb 2026.
    ['2026-02-23', -7, '2026-02-13', 'T-7 on 16 Feb, in Tết → Friday 13 Feb'],
    ['2026-02-23', -3, '2026-02-13', 'T-3 on 20 Feb, in Tết → Friday 13 Feb'],
    ['2026-02-23', -1, '2026-02-13', 'T-1 on Sunday 22 Feb, in Tết → Friday 13 Feb'],
    ['2026-02-23', 0, '2026-02-23', 'T0 is the deadline'],
    ['2026-02-23', 1, '2026-02-24', 'T+1 on a Tuesday'],
    ['2026-02-23', 3, '2026-02-26', 'T+3 on a Thursday'],
    // A deadline just before Tết: overdue stages jump over it.
    ['2026-02-12', 1, '2026-02-13', 'T+1 on a Friday'],
    ['2026-02-12', 3, '2026-02-23', 'T+3 on 15 Feb, in Tết → Monday 23 Feb'],
  ])('stageDate(%s, %i) = %s (%s)', (due, offset, expected) => {
    expect(stageDate(due, offset, tet2026)).toBe(expected);
  });

  it('keeps a stage on a make-up working Saturday', () => {
    expect(stageDate('2026-07-15', -3, NO_HOLIDAYS)).toBe('2026-07-10');
    expect(stageDate('2026-07-15', -4, withMakeUpSaturday)).toBe('2026-07-11');
    expect(stageDate('2026-07-15', -3, withMakeUpSaturday)).toBe('2026-07-11');
  });

  it('rejects a non-integer offset and an invalid date', () => {
    expect(() => stageDate('2026-07-15', 0.5, tet2026)).toThrow(RangeError);
    expect(() => stageDate('2026-02-30', -1, tet2026)).toThrow(RangeError);
  });
});

describe('BC6T 2026 (due Wed 15 Jul 2026), one unit, stage by stage', () => {
  const stages: [string, IsoDate][] = [
    ['T-7', '2026-07-08'],
    ['T-3', '2026-07-10'],
    ['T-1', '2026-07-14'],
    ['T0', '2026-07-15'],
    ['T+1', '2026-07-16'],
    ['T+3', '2026-07-20'],
  ];

  it('sends exactly one stage at 08:00 on its day, none at 07:59 or 17:00', () => {
    const planned = new Set<string>();
    for (const [stage, date] of stages) {
      expect(plan(vn(date, '07:59'), { planned }), `${stage} at 07:59`).toEqual({ due: [], skipped: [] });
      expect(plan(vn(date, '17:00'), { planned }), `${stage} at 17:00`).toEqual({ due: [], skipped: [] });
      const result = plan(vn(date, '08:00'), { planned });
      expect(result, `${stage} at 08:00`).toEqual({ due: [dueStage(stage, date)], skipped: [] });
      for (const key of keysOf(result)) planned.add(key);
      expect(plan(vn(date, '08:01'), { planned }), `${stage} again`).toEqual({ due: [], skipped: [] });
    }
    expect([...planned]).toEqual(['1|T-7', '1|T-3', '1|T-1', '1|T0', '1|T+1', '1|T+3']);
  });

  it('walking every quarter hour from 1 to 31 July sends each stage once, on time', () => {
    const planned = new Set<string>();
    const sent: string[] = [];
    for (let day = 0; day < 31; day += 1) {
      const date = addDays('2026-07-01', day);
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
        const result = plan(vn(date, hhmm), { planned });
        expect(result.skipped).toEqual([]);
        for (const due of result.due) sent.push(`${date} ${hhmm} ${due.stage} escalate=${due.escalate}`);
        for (const key of keysOf(result)) planned.add(key);
      }
    }
    expect(sent).toEqual([
      '2026-07-08 08:00 T-7 escalate=false',
      '2026-07-10 08:00 T-3 escalate=false',
      '2026-07-14 08:00 T-1 escalate=false',
      '2026-07-15 08:00 T0 escalate=false',
      '2026-07-16 08:00 T+1 escalate=true',
      '2026-07-20 08:00 T+3 escalate=true',
    ]);
  });

  it('plans for every unit with the deadline, in assignment order', () => {
    const assignments = [
      assignment({ id: 3, unitCode: 'THADS_HANOI' }),
      assignment({ id: 1 }),
      assignment({ id: 2, unitCode: 'CUM_1' }),
    ];
    const planned = new Set(
      [1, 2, 3].flatMap((id) => [-7, -3, -1, 0].map((offset) => plannedKey(id, offset))),
    );
    expect(plan(vn('2026-07-16', '08:00'), { assignments, planned })).toEqual({
      due: [
        dueStage('T+1', '2026-07-16'),
        dueStage('T+1', '2026-07-16', { assignmentId: 2, unitCode: 'CUM_1' }),
        dueStage('T+1', '2026-07-16', { assignmentId: 3, unitCode: 'THADS_HANOI' }),
      ],
      skipped: [],
    });
  });
});

describe('weekend and Tết shifts', () => {
  const dktd = assignment({ dutyCode: 'DKTD', periodCode: '2026', dueDate: '2026-02-23' });

  it('folds the stages that fall in Tết onto the Friday before it', () => {
    const result = plan(vn('2026-02-13', '08:00'), { assignments: [dktd] });
    expect(result).toEqual({
      due: [dueStage('T-1', '2026-02-13', { dutyCode: 'DKTD', periodCode: '2026' })],
      skipped: [superseded('T-7'), superseded('T-3')],
    });
  });

  it('walking every day of February 2026 at 08:00 and 12:00 sends around Tết, none during it', () => {
    const planned = new Set<string>();
    const log: string[] = [];
    for (let day = 0; day < 28; day += 1) {
      const date = addDays('2026-02-01', day);
      for (const hhmm of ['08:00', '12:00']) {
        const result = plan(vn(date, hhmm), { assignments: [dktd], planned });
        for (const due of result.due) log.push(`${date} ${hhmm} due ${due.stage}`);
        for (const skip of result.skipped) log.push(`${date} ${hhmm} ${skip.reason} ${skip.stage}`);
        for (const key of keysOf(result)) planned.add(key);
      }
    }
    expect(log).toEqual([
      '2026-02-13 08:00 due T-1',
      '2026-02-13 08:00 superseded T-7',
      '2026-02-13 08:00 superseded T-3',
      '2026-02-23 08:00 due T0',
      '2026-02-24 08:00 due T+1',
      '2026-02-26 08:00 due T+3',
    ]);
  });

  it('keeps a missed stage pending over a weekend and sends it on Monday', () => {
    // T-3 (Fri 10 Jul) was missed: the service was down all Friday.
    const planned = new Set(['1|T-7']);
    expect(plan(vn('2026-07-11', '08:00'), { planned })).toEqual({ due: [], skipped: [] });
    expect(plan(vn('2026-07-12', '10:00'), { planned })).toEqual({ due: [], skipped: [] });
    expect(plan(vn('2026-07-13', '08:00'), { planned })).toEqual({
      due: [dueStage('T-3', '2026-07-10')],
      skipped: [],
    });
  });

  it('sends on a make-up working Saturday', () => {
    const planned = new Set(['1|T-7']);
    expect(plan(vn('2026-07-11', '08:00'), { planned, holidays: withMakeUpSaturday })).toEqual({
      due: [dueStage('T-3', '2026-07-11')],
      skipped: [],
    });
  });

  it('counts catch-up in working days: ten calendar days across Tết are one working day', () => {
    const onlyT1 = [{ dutyCode: 'DKTD', stages: [-1] }];
    expect(plan(vn('2026-02-23', '08:00'), { assignments: [dktd], policies: onlyT1 })).toEqual({
      due: [dueStage('T-1', '2026-02-13', { dutyCode: 'DKTD', periodCode: '2026' })],
      skipped: [],
    });
  });
});

describe('catch-up after an outage', () => {
  it.each<[string, Date, string[], DueStage[], SkippedStage[]]>([
    [
      'down from before T-7 to T-3 morning: only T-3, T-7 superseded',
      vn('2026-07-10', '08:00'),
      [],
      [dueStage('T-3', '2026-07-10')],
      [superseded('T-7')],
    ],
    [
      'back at 09:30 on T-3 day: the same',
      vn('2026-07-10', '09:30'),
      [],
      [dueStage('T-3', '2026-07-10')],
      [superseded('T-7')],
    ],
    ['back before T-3: T-7 one day late', vn('2026-07-09', '14:00'), [], [dueStage('T-7', '2026-07-08')], []],
    [
      'back on T+1 day with T-7 sent: T+1 only',
      vn('2026-07-16', '08:00'),
      ['1|T-7'],
      [dueStage('T+1', '2026-07-16')],
      [superseded('T-3'), superseded('T-1'), superseded('T0')],
    ],
    [
      'T+3 three working days old (Thu 23 Jul) is still sent',
      vn('2026-07-23', '16:59'),
      ['1|T-7', '1|T-3', '1|T-1', '1|T0', '1|T+1'],
      [dueStage('T+3', '2026-07-20')],
      [],
    ],
    [
      'T+3 four working days old (Fri 24 Jul) is too old',
      vn('2026-07-24', '08:00'),
      ['1|T-7', '1|T-3', '1|T-1', '1|T0', '1|T+1'],
      [],
      [tooOld('T+3')],
    ],
    [
      'too old is decided outside the window too (00:00)',
      vn('2026-07-24', '00:00'),
      ['1|T-7', '1|T-3', '1|T-1', '1|T0', '1|T+1'],
      [],
      [tooOld('T+3')],
    ],
    [
      'down for weeks: all superseded, the last one too old',
      vn('2026-08-03', '08:00'),
      [],
      [],
      [
        superseded('T-7'),
        superseded('T-3'),
        superseded('T-1'),
        superseded('T0'),
        superseded('T+1'),
        tooOld('T+3'),
      ],
    ],
    [
      'a later stage already sent supersedes an earlier unplanned one',
      vn('2026-07-14', '09:00'),
      ['1|T-3', '1|T-1'],
      [],
      [superseded('T-7')],
    ],
  ])('%s', (_label, now, planned, due, skipped) => {
    expect(plan(now, { planned: new Set(planned) })).toEqual({ due, skipped });
  });

  it('sends nothing stale on a fresh install on the deadline day', () => {
    expect(plan(vn('2026-07-15', '08:00'))).toEqual({
      due: [dueStage('T0', '2026-07-15')],
      skipped: [superseded('T-7'), superseded('T-3'), superseded('T-1')],
    });
  });

  it('on a fresh install before the window opens, keeps the latest reached stage pending', () => {
    expect(plan(vn('2026-07-15', '07:30'))).toEqual({
      due: [],
      skipped: [superseded('T-7'), superseded('T-3')],
    });
  });

  it.each<[number, Date, DueStage[], SkippedStage[]]>([
    [0, vn('2026-07-08', '16:00'), [dueStage('T-7', '2026-07-08')], []],
    [0, vn('2026-07-09', '08:00'), [], [tooOld('T-7')]],
    [1, vn('2026-07-09', '08:00'), [dueStage('T-7', '2026-07-08')], []],
    [5, vn('2026-07-27', '08:00'), [dueStage('T+3', '2026-07-20')], []],
    [5, vn('2026-07-28', '08:00'), [], [tooOld('T+3')]],
  ])('catchUpWorkingDays %i at %s', (catchUpWorkingDays, now, due, skipped) => {
    const onlyOne = [{ dutyCode: 'BC6T', stages: catchUpWorkingDays === 5 ? [3] : [-7] }];
    expect(plan(now, { catchUpWorkingDays, policies: onlyOne })).toEqual({ due, skipped });
  });
});

describe('escalation', () => {
  it.each([
    ['T-7', '2026-07-08', false],
    ['T-3', '2026-07-10', false],
    ['T-1', '2026-07-14', false],
    ['T0', '2026-07-15', false],
    ['T+1', '2026-07-16', true],
    ['T+3', '2026-07-20', true],
  ])('%s on %s escalates: %s', (stage, date, escalate) => {
    const [due] = plan(vn(date, '10:00'), { policies: [{ dutyCode: 'BC6T', stages: STAGES }] }).due;
    expect(due?.stage).toBe(stage);
    expect(due?.escalate).toBe(escalate);
  });
});

describe('submission stops reminders', () => {
  it.each(['2026-07-08', '2026-07-10', '2026-07-15', '2026-07-16', '2026-07-20'])(
    'a complete assignment gets nothing on %s',
    (date) => {
      expect(plan(vn(date, '08:00'), { assignments: [assignment({ complete: true })] })).toEqual({
        due: [],
        skipped: [],
      });
    },
  );

  it('stops one unit and keeps reminding the others', () => {
    const assignments = [assignment({ id: 1, complete: true }), assignment({ id: 2, unitCode: 'CUM_1' })];
    const planned = new Set(['1|T-7', '2|T-7', '1|T-3', '2|T-3']);
    expect(plan(vn('2026-07-14', '08:00'), { assignments, planned })).toEqual({
      due: [dueStage('T-1', '2026-07-14', { assignmentId: 2, unitCode: 'CUM_1' })],
      skipped: [],
    });
  });

  it('gives nothing while the deadline is not set', () => {
    expect(plan(vn('2026-07-15', '08:00'), { assignments: [assignment({ dueDate: null })] })).toEqual({
      due: [],
      skipped: [],
    });
  });
});

describe('time zone and sending window', () => {
  it.each([
    ['2026-07-07T17:00:00.000Z', []],
    ['2026-07-08T00:59:59.999Z', []],
    ['2026-07-08T01:00:00.000Z', ['T-7']],
    ['2026-07-08T09:59:59.999Z', ['T-7']],
    ['2026-07-08T10:00:00.000Z', []],
  ])('in Asia/Ho_Chi_Minh, 08:00 local is 01:00Z: at %s due %j', (iso, stages) => {
    expect(plan(new Date(iso)).due.map((d) => d.stage)).toEqual(stages);
  });

  it('reads the window in the given time zone', () => {
    expect(plan(new Date('2026-07-08T01:00:00Z'), { timeZone: 'UTC' }).due).toEqual([]);
    expect(plan(new Date('2026-07-08T08:00:00Z'), { timeZone: 'UTC' }).due).toEqual([
      dueStage('T-7', '2026-07-08'),
    ]);
  });

  it('uses a custom window: due from its start, not at or after its end', () => {
    const window = { start: '13:30', end: '15:00' };
    expect(plan(vn('2026-07-08', '13:29'), { window }).due).toEqual([]);
    expect(plan(vn('2026-07-08', '13:30'), { window }).due).toEqual([dueStage('T-7', '2026-07-08')]);
    expect(plan(vn('2026-07-08', '14:59'), { window }).due).toEqual([dueStage('T-7', '2026-07-08')]);
    expect(plan(vn('2026-07-08', '15:00'), { window }).due).toEqual([]);
    expect(DEFAULT_WINDOW).toEqual({ start: '08:00', end: '17:00' });
  });

  it.each<[string, Partial<PlanInput>]>([
    ['a malformed window start', { window: { start: '8h', end: '17:00' } }],
    ['a malformed window end', { window: { start: '08:00', end: '24:00' } }],
    ['a window that never opens', { window: { start: '17:00', end: '08:00' } }],
    ['an empty window', { window: { start: '08:00', end: '08:00' } }],
    ['a negative catch-up', { catchUpWorkingDays: -1 }],
    ['a fractional catch-up', { catchUpWorkingDays: 1.5 }],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }],
    ['a corrupt deadline', { assignments: [assignment({ dueDate: '2026-02-30' })] }],
  ])('rejects %s', (_label, extra) => {
    expect(() => plan(vn('2026-07-08', '08:00'), extra)).toThrow(RangeError);
  });
});

describe('policies', () => {
  it.each<[string, number[]]>([
    ['unordered', [3, 0, -7, 1, -1, -3]],
    ['with duplicates', [-7, -7, -3, -1, 0, 0, 1, 3, 3]],
    ['with malformed stages', [-7, 1.5, Number.NaN, -3, Number.POSITIVE_INFINITY, -1, 0, 1, 400, 3]],
  ])('reads a policy %s like the clean one', (_label, stages) => {
    const messy = [{ dutyCode: 'BC6T', stages }];
    expect(plan(vn('2026-07-15', '08:00'), { policies: messy })).toEqual({
      due: [dueStage('T0', '2026-07-15')],
      skipped: [superseded('T-7'), superseded('T-3'), superseded('T-1')],
    });
    expect(plan(vn('2026-07-20', '08:00'), { policies: messy, planned: new Set(['1|T+1']) })).toEqual({
      due: [dueStage('T+3', '2026-07-20')],
      skipped: [superseded('T-7'), superseded('T-3'), superseded('T-1'), superseded('T0')],
    });
  });

  it('gives nothing to a duty without a policy, and the first policy of a duty wins', () => {
    expect(plan(vn('2026-07-15', '08:00'), { policies: [{ dutyCode: 'DKTD', stages: STAGES }] })).toEqual({
      due: [],
      skipped: [],
    });
    const twice = [
      { dutyCode: 'BC6T', stages: [-1] },
      { dutyCode: 'BC6T', stages: [0] },
    ];
    expect(plan(vn('2026-07-15', '08:00'), { policies: twice })).toEqual({
      due: [dueStage('T-1', '2026-07-14')],
      skipped: [],
    });
  });

  it('does not depend on the order of the assignments', () => {
    const ids = [5, 2, 9, 1];
    const assignments = ids.map((id) => assignment({ id }));
    const result = plan(vn('2026-07-10', '08:00'), { assignments });
    expect(result.due.map((d) => `${d.assignmentId}|${d.stage}`)).toEqual([
      '1|T-3',
      '2|T-3',
      '5|T-3',
      '9|T-3',
    ]);
    expect(result.skipped.map((s) => `${s.assignmentId}|${s.stage}`)).toEqual([
      '1|T-7',
      '2|T-7',
      '5|T-7',
      '9|T-7',
    ]);
    expect(plan(vn('2026-07-10', '08:00'), { assignments: [...assignments].reverse() })).toEqual(result);
  });
});

describe('the sending window for a delivery put off (quiet hours)', () => {
  const next = (at: Date, holidays = NO_HOLIDAYS) => nextWindowOpening(at, VN, holidays);
  it('keeps an instant inside the window', () => {
    expect(next(vn('2026-07-15', '10:00'))).toEqual(vn('2026-07-15', '10:00'));
    expect(inSendingWindow(vn('2026-07-15', '16:59'), VN, NO_HOLIDAYS)).toBe(true);
  });
  it('moves an instant before 08:00 to 08:00, and one at or after 17:00 to the next working morning', () => {
    expect(next(vn('2026-07-15', '06:30'))).toEqual(vn('2026-07-15', '08:00'));
    expect(next(vn('2026-07-15', '17:00'))).toEqual(vn('2026-07-16', '08:00'));
    // Friday evening and Saturday morning: Monday.
    expect(next(vn('2026-07-17', '20:00'))).toEqual(vn('2026-07-20', '08:00'));
    expect(next(vn('2026-07-18', '06:30'))).toEqual(vn('2026-07-20', '08:00'));
  });
  it('skips Tết and keeps a make-up working Saturday', () => {
    expect(next(vn('2026-02-13', '18:00'), tet2026)).toEqual(vn('2026-02-23', '08:00'));
    expect(next(vn('2026-07-10', '18:00'), withMakeUpSaturday)).toEqual(vn('2026-07-11', '08:00'));
  });
});

describe('a reminder policy as an operator writes it (parseStageList)', () => {
  const ok = (stages: number[]) => ({ ok: true, stages });
  it('reads signed offsets, ledger labels and mixed separators, each once, ascending', () => {
    expect(parseStageList('-7,-3,-1,0,+1,+3')).toEqual(ok(STAGES));
    expect(parseStageList('T-7 T-3 T0 T+1')).toEqual(ok([-7, -3, 0, 1]));
    expect(parseStageList('-7, -3')).toEqual(ok([-7, -3]));
    expect(parseStageList('  +3; 1  -1,,0 t-7\tT+1 3 ')).toEqual(ok([-7, -1, 0, 1, 3]));
    expect(parseStageList('0')).toEqual(ok([0]));
    expect(parseStageList('-0, +0')).toEqual(ok([0]));
    // A typographic minus or dash pasted from a document.
    expect(parseStageList('\u22127, \u20133, T\u22121')).toEqual(ok([-7, -3, -1]));
  });
  it('reads default (or mặc định) as the seeded stages', () => {
    expect(DEFAULT_REMINDER_STAGES).toEqual(STAGES);
    expect(parseStageList('default')).toEqual(ok(STAGES));
    expect(parseStageList(' Default ')).toEqual(ok(STAGES));
    expect(parseStageList('mặc định')).toEqual(ok(STAGES));
    expect(parseStageList('-7, default')).toEqual({ ok: false, reason: 'format', value: 'default' });
  });
  it('refuses an empty list', () => {
    for (const text of ['', '   ', ',', ' , ; ']) {
      expect(parseStageList(text)).toEqual({ ok: false, reason: 'empty' });
    }
  });
  it('refuses an item that is not a whole number of days, naming the first one', () => {
    for (const [text, value] of [
      ['-7, 1.5, 3', '1.5'],
      ['-7 abc', 'abc'],
      ['T3', 'T3'],
      ['T+0', 'T+0'],
      ['T-07', 'T-07'],
      ['T', 'T'],
      ['--7', '--7'],
      ['7d', '7d'],
      ['x, 999', 'x'],
    ]) {
      expect(parseStageList(text!)).toEqual({ ok: false, reason: 'format', value });
    }
  });
  it('refuses an offset beyond the planning horizon, which would never fire', () => {
    expect(PLANNING_HORIZON_DAYS).toBe(45);
    expect(parseStageList('-45, +45')).toEqual(ok([-45, 45]));
    expect(parseStageList('-7, -46')).toEqual({ ok: false, reason: 'too_far', value: '-46' });
    expect(parseStageList('T+46')).toEqual({ ok: false, reason: 'too_far', value: 'T+46' });
    expect(parseStageList('400')).toEqual({ ok: false, reason: 'too_far', value: '400' });
    expect(parseStageList('99999999999999999999')).toEqual({
      ok: false,
      reason: 'too_far',
      value: '99999999999999999999',
    });
  });
  it('gives stages the planner accepts and labels that read back', () => {
    const parsed = parseStageList('T+3 -7 0');
    if (!parsed.ok) throw new Error('expected a list');
    expect(parsed.stages.every(isStageOffset)).toBe(true);
    expect(parsed.stages.map(stageLabel)).toEqual(['T-7', 'T0', 'T+3']);
    expect(parseStageList(parsed.stages.map(stageLabel).join(' '))).toEqual(parsed);
  });
});
