/**
 * Prisma implementations of the dialog's stores (identities, invites, submissions,
 * conversations).
 */
import { addDays, localDateOf } from '../domain/calendar.js';
import type { IndicatorKind } from '../domain/figures/index.js';
import { isAllowedQuietHours, storedQuietHours } from '../domain/quiet-hours.js';
import { median, resolveTarget, type ScopedTarget } from '../domain/submission.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { ChannelName } from '../ports/channel.js';
import type {
  AssignmentIndicator,
  AssignmentView,
  Binding,
  ConversationStore,
  IdentityStore,
  InviteRedeemer,
  RedeemResult,
  SaveResult,
  StoredConversation,
  SubmissionStore,
} from '../ports/dialog-stores.js';
import type { Locale } from '../ports/translator.js';
import { createBatcher } from './batcher.js';
import type { PrismaClient } from './database.js';

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const num = (d: Prisma.Decimal | null | undefined) => (d === null || d === undefined ? null : Number(d));
const asLocale = (s: string): Locale => (s === 'en' ? 'en' : 'vi');

export function createPrismaIdentityStore(prisma: PrismaClient): IdentityStore {
  const include = {
    person: {
      include: {
        roles: {
          where: { endedAt: null, unit: { active: true } },
          include: { unit: true },
          orderBy: { id: 'asc' },
        },
      },
    },
  } as const;
  // Group commit: every turn starts with this lookup; turns arriving together share one statement.
  const finder = createBatcher<{ channel: ChannelName; externalId: string }, Binding | null>(async (keys) => {
    const byChannel = new Map<ChannelName, string[]>();
    for (const k of keys) byChannel.set(k.channel, [...(byChannel.get(k.channel) ?? []), k.externalId]);
    const found = new Map<string, Binding>();
    for (const [channel, ids] of byChannel) {
      const rows = await prisma.identity.findMany({
        where: { channel, externalId: { in: [...new Set(ids)] } },
        include,
      });
      for (const identity of rows) {
        const p = identity.person;
        found.set(`${channel}|${identity.externalId}`, {
          personId: p.id,
          fullName: p.fullName,
          locale: asLocale(p.locale),
          roles: p.roles.map((r) => ({
            role: r.role,
            unit: { id: r.unit.id, code: r.unit.code, name: r.unit.name, typeCode: r.unit.typeCode },
          })),
          lastSeenAt: identity.lastSeenAt,
          blocked: identity.blockedAt !== null,
        });
      }
    }
    return keys.map((k) => found.get(`${k.channel}|${k.externalId}`) ?? null);
  });
  // Last-seen marks are advisory (which channel to remind on): batched too, never on the reply's path.
  const toucher = createBatcher<
    { channel: ChannelName; externalId: string; chatId: string; now: Date },
    void
  >(async (items) => {
    const latest = new Date(Math.max(...items.map((i) => i.now.getTime())));
    const byChannel = new Map<ChannelName, string[]>();
    for (const i of items) byChannel.set(i.channel, [...(byChannel.get(i.channel) ?? []), i.externalId]);
    for (const [channel, ids] of byChannel) {
      await prisma.identity.updateMany({
        where: { channel, externalId: { in: ids } },
        // Writing to the bot means it is not blocked (any more): reminders reach it again.
        data: { lastSeenAt: latest, blockedAt: null },
      });
    }
    return items.map(() => undefined);
  });
  return {
    find(channel, externalId) {
      return finder.run({ channel, externalId });
    },
    async setLocale(personId, locale) {
      await prisma.person.update({ where: { id: personId }, data: { locale } });
    },
    async setPreferredChannel(personId, channel) {
      if (channel !== null) {
        const bound = await prisma.identity.count({ where: { personId, channel, blockedAt: null } });
        if (bound === 0) return false;
      }
      await prisma.person.update({ where: { id: personId }, data: { preferredChannel: channel } });
      return true;
    },
    async channelsOf(personId) {
      const p = await prisma.person.findUnique({
        where: { id: personId },
        select: {
          preferredChannel: true,
          identities: { where: { blockedAt: null }, select: { channel: true } },
        },
      });
      return {
        channels: [...new Set((p?.identities ?? []).map((i) => i.channel))],
        preferred: p?.preferredChannel ?? null,
      };
    },
    async quietHoursOf(personId) {
      const p = await prisma.person.findUnique({
        where: { id: personId },
        select: { quietFrom: true, quietTo: true },
      });
      return p ? storedQuietHours(p.quietFrom, p.quietTo) : null;
    },
    async setQuietHours(personId, value) {
      if (value !== null && !isAllowedQuietHours(value)) {
        throw new RangeError(`Not an allowed quiet period: ${JSON.stringify(value)}`);
      }
      await prisma.person.update({
        where: { id: personId },
        data: { quietFrom: value?.from ?? null, quietTo: value?.to ?? null },
      });
    },
    async touch(channel, externalId, chatId, now) {
      await toucher.run({ channel, externalId, chatId, now });
    },
    async createLinkCode(personId, codeHash, expiresAt) {
      await prisma.linkCode.create({ data: { personId, codeHash, expiresAt } });
    },
    async redeemLinkCode(input) {
      return prisma.$transaction(async (tx) => {
        const link = await tx.linkCode.findUnique({
          where: { codeHash: input.codeHash },
          include: { person: { select: { fullName: true } } },
        });
        if (!link) return { ok: false, reason: 'unknown' };
        if (link.usedAt) return { ok: false, reason: 'used' };
        if (link.expiresAt.getTime() <= input.now.getTime()) return { ok: false, reason: 'expired' };
        const existing = await tx.identity.findUnique({
          where: { channel_externalId: { channel: input.channel, externalId: input.externalId } },
        });
        if (existing && existing.personId !== link.personId) return { ok: false, reason: 'already_bound' };
        // Claim the code first: of two concurrent redemptions, one wins.
        const claimed = await tx.linkCode.updateMany({
          where: { id: link.id, usedAt: null },
          data: { usedAt: input.now },
        });
        if (claimed.count === 0) return { ok: false, reason: 'used' };
        if (!existing) {
          await tx.identity.create({
            data: {
              personId: link.personId,
              channel: input.channel,
              externalId: input.externalId,
              chatId: input.chatId,
              displayName: input.displayName,
              verified: true,
              lastSeenAt: input.now,
            },
          });
        }
        await tx.auditLog.create({
          data: {
            actor: `person:${link.personId}`,
            action: 'identity.link',
            entity: `Person:${link.personId}`,
            data: { channel: input.channel, at: input.now.toISOString() },
          },
        });
        return { ok: true, personId: link.personId, fullName: link.person.fullName };
      });
    },
  };
}

export function createPrismaInviteRedeemer(prisma: PrismaClient): InviteRedeemer {
  return {
    async redeem(input): Promise<RedeemResult> {
      return prisma.$transaction(async (tx) => {
        const invite = await tx.invite.findUnique({
          where: { codeHash: input.codeHash },
          include: { unit: true },
        });
        if (!invite) return { ok: false, reason: 'unknown' };
        if (invite.usedAt) return { ok: false, reason: 'used' };
        if (invite.expiresAt.getTime() <= input.now.getTime()) return { ok: false, reason: 'expired' };
        if (!invite.unit.active) return { ok: false, reason: 'retired_unit' };
        const claimed = await tx.invite.updateMany({
          where: { id: invite.id, usedAt: null },
          data: { usedAt: input.now },
        });
        if (claimed.count !== 1) return { ok: false, reason: 'used' };

        let identity = await tx.identity.findUnique({
          where: { channel_externalId: { channel: input.channel, externalId: input.externalId } },
        });
        if (!identity) {
          const person = await tx.person.create({
            data: { fullName: input.displayName?.slice(0, 200) || 'Đầu mối', locale: input.locale },
          });
          identity = await tx.identity.create({
            data: {
              personId: person.id,
              channel: input.channel,
              externalId: input.externalId,
              chatId: input.chatId,
              displayName: input.displayName?.slice(0, 200) ?? null,
              verified: true,
            },
          });
        } else if (identity.chatId !== input.chatId) {
          await tx.identity.update({ where: { id: identity.id }, data: { chatId: input.chatId } });
        }
        const personId = identity.personId;
        const role = invite.role === 'manager' ? 'manager' : 'focal';
        let handedOverFrom: string | null = null;
        if (role === 'focal') {
          const previous = await tx.role.findMany({
            where: { unitId: invite.unitId, role: 'focal', endedAt: null, personId: { not: personId } },
            include: { person: true },
          });
          if (previous.length > 0) {
            await tx.role.updateMany({
              where: { id: { in: previous.map((r) => r.id) } },
              data: { endedAt: input.now, endReason: 'handover' },
            });
            handedOverFrom = previous.map((r) => r.person.fullName).join(', ');
            await tx.auditLog.create({
              data: {
                actor: `person:${personId}`,
                action: 'focal.handover',
                entity: `Unit:${invite.unit.code}`,
                data: { from: previous.map((r) => r.personId), to: personId, at: input.now.toISOString() },
              },
            });
          }
        }
        const has = await tx.role.findFirst({
          where: { personId, unitId: invite.unitId, role, endedAt: null },
        });
        if (!has) await tx.role.create({ data: { personId, unitId: invite.unitId, role, since: input.now } });
        await tx.invite.update({ where: { id: invite.id }, data: { usedById: personId } });
        return {
          ok: true,
          role,
          personId,
          handedOverFrom,
          unit: {
            id: invite.unit.id,
            code: invite.unit.code,
            name: invite.unit.name,
            typeCode: invite.unit.typeCode,
          },
        };
      });
    },
  };
}

type AssignmentRow = Prisma.AssignmentGetPayload<{
  include: {
    duty: true;
    period: true;
    unit: { include: { memberships: { include: { cluster: true } } } };
    values: { include: { indicator: true } };
  };
}>;

const assignmentInclude = {
  duty: true,
  period: true,
  unit: { include: { memberships: { where: { until: null }, include: { cluster: true } } } },
  values: { include: { indicator: true } },
} as const;

export function createPrismaSubmissionStore(prisma: PrismaClient, timeZone: string): SubmissionStore {
  // Duties' indicators and targets change rarely (an operator's CLI command): cache them
  // briefly so a burst of messages does not re-read them for every turn.
  const CACHE_MS = 30_000;
  const indicatorCache = new Map<string, { at: number; rows: Promise<CachedIndicator[]> }>();
  type CachedIndicator = { indicator: IndicatorRowWithTargets; required: boolean };
  type IndicatorRowWithTargets = Prisma.IndicatorGetPayload<{ include: { targets: true } }>;
  function indicatorsOf(dutyId: number, typeCode: string, year: number): Promise<CachedIndicator[]> {
    const key = `${dutyId}|${typeCode}|${year}`;
    const hit = indicatorCache.get(key);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.rows;
    const rows = prisma.dutyIndicator
      .findMany({
        where: { dutyId, unitTypeCode: typeCode },
        include: { indicator: { include: { targets: { where: { year } } } } },
        orderBy: { position: 'asc' },
      })
      .then((links) => links.map((l) => ({ indicator: l.indicator, required: l.required })));
    indicatorCache.set(key, { at: Date.now(), rows });
    rows.catch(() => indicatorCache.delete(key));
    return rows;
  }

  /** The unit's previous-period values and its peers' medians for one assignment. */
  async function contextOf(
    dutyCode: string,
    unitId: number,
    periodCode: string,
    typeCode: string,
    clusterCodes: string[],
  ): Promise<{ previous: Record<string, number>; peerMedian: Record<string, number> }> {
    const previous: Record<string, number> = {};
    const peerMedian: Record<string, number> = {};
    const prevCode = periodCode.replace(/^\d{4}/, (y) => String(Number(y) - 1));
    const [prevValues, peerValues] = await Promise.all([
      prisma.submissionValue.findMany({
        where: { assignment: { duty: { code: dutyCode }, unitId, periodCode: prevCode } },
        select: { value: true, indicator: { select: { code: true } } },
      }),
      // Peers: units sharing a cluster, else units of the same type.
      prisma.submissionValue.findMany({
        where: {
          assignment: {
            duty: { code: dutyCode },
            periodCode,
            unitId: { not: unitId },
            unit: clusterCodes.length
              ? { memberships: { some: { cluster: { code: { in: clusterCodes } }, until: null } } }
              : { typeCode, active: true },
          },
        },
        select: { value: true, indicator: { select: { code: true } } },
      }),
    ]);
    for (const v of prevValues) if (v.value !== null) previous[v.indicator.code] = Number(v.value);
    const byCode = new Map<string, number[]>();
    for (const v of peerValues) {
      if (v.value === null) continue;
      const list = byCode.get(v.indicator.code) ?? [];
      list.push(Number(v.value));
      byCode.set(v.indicator.code, list);
    }
    for (const [code, list] of byCode) if (list.length >= 3) peerMedian[code] = median(list)!;
    return { previous, peerMedian };
  }

  /** The view of an assignment; `full` adds the previous period's and the peers' values. */
  async function view(a: AssignmentRow, now: Date, full: boolean): Promise<AssignmentView> {
    const clusterCodes = a.unit.memberships.map((m) => m.cluster.code);
    const dutyIndicators = await indicatorsOf(a.dutyId, a.unit.typeCode, a.period.year);
    const indicators: AssignmentIndicator[] = dutyIndicators.map(({ indicator: i, required }) => {
      const targets: ScopedTarget[] = i.targets.map((t) => ({
        scope: t.scope,
        kind: t.kind,
        min: num(t.minValue),
        max: num(t.maxValue),
        inclusive: t.inclusive,
      }));
      return {
        code: i.code,
        labelVi: i.labelVi,
        labelEn: i.labelEn,
        synonyms: i.synonyms,
        kind: i.kind as IndicatorKind,
        min: num(i.minValue),
        max: num(i.maxValue),
        unitVi: i.unitVi,
        unitEn: i.unitEn,
        required,
        target: resolveTarget(targets, { code: a.unit.code, typeCode: a.unit.typeCode, clusterCodes }),
      };
    });
    const values: Record<string, number> = {};
    for (const v of a.values) if (v.value !== null) values[v.indicator.code] = Number(v.value);
    const context =
      full && indicators.length > 0
        ? await contextOf(a.duty.code, a.unitId, a.periodCode, a.unit.typeCode, clusterCodes)
        : { previous: {}, peerMedian: {} };
    const { previous, peerMedian } = context;

    return {
      id: a.id,
      dutyCode: a.duty.code,
      dutyNameVi: a.duty.nameVi,
      dutyNameEn: a.duty.nameEn,
      periodCode: a.periodCode,
      unit: { id: a.unit.id, code: a.unit.code, name: a.unit.name, typeCode: a.unit.typeCode },
      clusterCodes,
      dueDate: iso(a.dueDate),
      state: a.state,
      locked: a.locked && !(a.openUntil && a.openUntil.getTime() > now.getTime()),
      documentRef: a.documentRef,
      documentSent: a.documentSentAt !== null,
      indicators,
      values,
      previous,
      peerMedian,
    };
  }

  const isFocal = async (tx: Prisma.TransactionClient, personId: number, unitId: number) =>
    (await tx.role.count({ where: { personId, unitId, role: 'focal', endedAt: null } })) > 0;

  return {
    async openAssignments(unitIds, now) {
      const today = localDateOf(now, timeZone);
      const rows = await prisma.assignment.findMany({
        where: {
          unitId: { in: [...unitIds] },
          unit: { active: true },
          duty: { active: true },
          // Open from 60 days before the deadline until 180 days after it (late submissions);
          // without a date: while its period runs and 180 days after it ends.
          OR: [
            { dueDate: { gte: day(addDays(today, -180)), lte: day(addDays(today, 60)) } },
            {
              dueDate: null,
              period: { startDate: { lte: day(today) }, endDate: { gte: day(addDays(today, -180)) } },
            },
          ],
        },
        include: assignmentInclude,
        orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
      });
      return Promise.all(rows.map((r) => view(r, now, false)));
    },

    async withContext(a) {
      if (a.indicators.length === 0) return a;
      const ctx = await contextOf(a.dutyCode, a.unit.id, a.periodCode, a.unit.typeCode, a.clusterCodes);
      return { ...a, ...ctx };
    },

    async get(assignmentId, now) {
      const row = await prisma.assignment.findUnique({
        where: { id: assignmentId },
        include: assignmentInclude,
      });
      return row ? view(row, now, true) : null;
    },

    async saveConfirmed(input): Promise<SaveResult> {
      return prisma.$transaction(
        async (tx) => {
          // Serialise confirmations of one assignment.
          await tx.$queryRawUnsafe(
            'SELECT id FROM "Assignment" WHERE id = $1 FOR UPDATE',
            input.assignmentId,
          );
          const a = await tx.assignment.findUnique({
            where: { id: input.assignmentId },
            include: { unit: true, period: true },
          });
          if (!a || !(await isFocal(tx, input.personId, a.unitId)))
            return { ok: false, reason: 'not_allowed' };
          if (a.locked && !(a.openUntil && a.openUntil.getTime() > input.now.getTime())) {
            return { ok: false, reason: 'locked' };
          }
          const links = await tx.dutyIndicator.findMany({
            where: { dutyId: a.dutyId, unitTypeCode: a.unit.typeCode },
            include: { indicator: true },
          });
          const byCode = new Map(links.map((l) => [l.indicator.code, l]));
          for (const { code, value } of input.values) {
            const link = byCode.get(code);
            if (!link) return { ok: false, reason: 'not_allowed' };
            const existing = await tx.submissionValue.findUnique({
              where: { assignmentId_indicatorId: { assignmentId: a.id, indicatorId: link.indicatorId } },
            });
            const stored = await tx.submissionValue.upsert({
              where: { assignmentId_indicatorId: { assignmentId: a.id, indicatorId: link.indicatorId } },
              create: { assignmentId: a.id, indicatorId: link.indicatorId, value },
              update: { value },
            });
            await tx.submissionRevision.create({
              data: {
                valueId: stored.id,
                personId: input.personId,
                channel: input.channel,
                oldValue: existing?.value ?? null,
                newValue: value,
                reason: input.reason,
                rawMessage: input.rawMessage.slice(0, 4000),
                createdAt: input.now,
              },
            });
          }
          const filled = await tx.submissionValue.findMany({
            where: { assignmentId: a.id, value: { not: null } },
            select: { indicatorId: true },
          });
          const have = new Set(filled.map((f) => f.indicatorId));
          const complete = links.filter((l) => l.required).every((l) => have.has(l.indicatorId));
          let state = a.state;
          if (complete && a.submittedAt === null) {
            const today = localDateOf(input.now, timeZone);
            state = a.dueDate === null || today <= iso(a.dueDate)! ? 'on_time' : 'late';
            await tx.assignment.update({ where: { id: a.id }, data: { submittedAt: input.now, state } });
          }
          return { ok: true, state, complete };
        },
        { timeout: 20_000, maxWait: 5_000 },
      );
    },

    async recordDocument(input): Promise<SaveResult> {
      return prisma.$transaction(async (tx) => {
        const a = await tx.assignment.findUnique({ where: { id: input.assignmentId } });
        if (!a || !(await isFocal(tx, input.personId, a.unitId))) return { ok: false, reason: 'not_allowed' };
        if (a.locked && !(a.openUntil && a.openUntil.getTime() > input.now.getTime())) {
          return { ok: false, reason: 'locked' };
        }
        await tx.assignment.update({
          where: { id: a.id },
          data: { documentRef: input.ref.slice(0, 300), documentSentAt: input.now },
        });
        await tx.auditLog.create({
          data: {
            actor: `person:${input.personId}`,
            action: 'document.sent',
            entity: `Assignment:${a.id}`,
            data: { channel: input.channel, ref: input.ref.slice(0, 300) },
          },
        });
        return { ok: true, state: a.state, complete: false };
      });
    },

    async requestUnlock(input) {
      await prisma.auditLog.create({
        data: {
          actor: `person:${input.personId}`,
          action: 'unlock.requested',
          entity: `Assignment:${input.assignmentId}`,
          data: { reason: input.reason, at: input.now.toISOString() },
        },
      });
    },
  };
}

export function createPrismaConversationStore(prisma: PrismaClient): ConversationStore {
  // Group commit, as for identities: one statement for the turns that arrive together.
  const loader = createBatcher<{ channel: ChannelName; chatId: string }, StoredConversation | null>(
    async (keys) => {
      const byChannel = new Map<ChannelName, string[]>();
      for (const k of keys) byChannel.set(k.channel, [...(byChannel.get(k.channel) ?? []), k.chatId]);
      const found = new Map<string, StoredConversation>();
      for (const [channel, ids] of byChannel) {
        const rows = await prisma.conversation.findMany({
          where: { channel, chatId: { in: [...new Set(ids)] } },
          select: { chatId: true, state: true, version: true },
        });
        for (const r of rows) found.set(`${channel}|${r.chatId}`, { state: r.state, version: r.version });
      }
      return keys.map((k) => found.get(`${k.channel}|${k.chatId}`) ?? null);
    },
  );
  return {
    load(channel: ChannelName, chatId: string) {
      return loader.run({ channel, chatId });
    },
    async save(channel, chatId, state, expectedVersion) {
      const json = state as Prisma.InputJsonValue;
      if (expectedVersion === 0) {
        try {
          await prisma.conversation.create({ data: { channel, chatId, state: json, version: 1 } });
          return true;
        } catch {
          return false;
        }
      }
      const res = await prisma.conversation.updateMany({
        where: { channel, chatId, version: expectedVersion },
        data: { state: json, version: expectedVersion + 1 },
      });
      return res.count === 1;
    },
  };
}
