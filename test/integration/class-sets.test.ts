// Imported scenario sets assigned to a class: the learners of that class can open them on /practice (issue 15, item 1).
import { describe, expect, it } from 'vitest';
import { createUser } from '../../lib/db/users';
import { createAssignment, createClass, enrol, leaveClass } from '../../lib/db/classes';
import { createScenarioSet } from '../../lib/db/scenario-sets';
import { getScenario } from '../../lib/content/bank';
import { resolvePracticeSet } from '../../lib/practice/practice-data';
import { asInstructor, teaching } from '../support/capability';

const DAY = 86_400_000;
const user = (email: string, role: 'instructor' | 'learner') => createUser({ name: email.split('@')[0]!, email, passwordHash: 'x', role });

describe('an imported set assigned to a class', () => {
  it('opens on the practice page for an enrolled learner, and only for them', async () => {
    const teacher = await user('cs-teacher@example.com', 'instructor');
    const inClass = await user('cs-in@example.com', 'learner');
    const outsider = await user('cs-out@example.com', 'learner');
    const scenario = getScenario('boat-race-lagoon')!;
    const set = await createScenarioSet(teacher.id, 'My office cases', [scenario]);
    const c = await createClass(await asInstructor(teacher.id), 'Set class');
    await enrol(c.id, inClass.id);
    await createAssignment(await teaching(teacher.id, c.id), {
      kind: 'drill',
      target: `set:${set.id}`,
      title: 'Classifier drill: My office cases',
      opensAt: new Date(Date.now() - DAY),
      dueAt: new Date(Date.now() + DAY),
    });

    const choice = { kind: 'imported', setId: set.id } as const;
    const forLearner = await resolvePracticeSet(choice, inClass.id, {});
    expect(forLearner.kind).toBe('drill');
    if (forLearner.kind === 'drill') {
      expect(forLearner.title).toBe('My office cases');
      expect(forLearner.setId).toBe(set.id);
      expect(forLearner.scenarios.map((s) => s.id)).toEqual([scenario.id]);
    }
    expect((await resolvePracticeSet(choice, teacher.id, {})).kind).toBe('drill');
    expect((await resolvePracticeSet(choice, outsider.id, {})).kind).toBe('not-found');
    // Leaving the class ends access.
    await leaveClass(c.id, inClass.id);
    expect((await resolvePracticeSet(choice, inClass.id, {})).kind).toBe('not-found');
  });
});

describe('changing a set in place', () => {
  it('keeps its id, so the class assigned to it sees the renamed, trimmed and extended set', async () => {
    const { updateScenarioSet, getUsableScenarioSet, listScenarioSets } = await import('../../lib/db/scenario-sets');
    const teacher = await user('cs-change@example.com', 'instructor');
    const member = await user('cs-change-l@example.com', 'learner');
    const other = await user('cs-change-o@example.com', 'instructor');
    const a = getScenario('boat-race-lagoon')!;
    const set = await createScenarioSet(teacher.id, 'First name', [a]);
    const c = await createClass(await asInstructor(teacher.id), 'Change class');
    await enrol(c.id, member.id);
    await createAssignment(await teaching(teacher.id, c.id), {
      kind: 'drill',
      target: `set:${set.id}`,
      title: 'Drill',
      opensAt: new Date(Date.now() - DAY),
      dueAt: new Date(Date.now() + DAY),
    });
    const b = { ...a, id: 'boat-race-copy' };
    expect(await updateScenarioSet(other.id, set.id, { title: 'Stolen' })).toBe(false);
    expect(await updateScenarioSet(teacher.id, set.id, { title: 'Second name', scenarios: [a, b] })).toBe(true);
    const seen = await getUsableScenarioSet(member.id, set.id);
    expect(seen?.title).toBe('Second name');
    expect(seen?.scenarios.map((s) => s.id)).toEqual(['boat-race-lagoon', 'boat-race-copy']);
    expect(await updateScenarioSet(teacher.id, set.id, { scenarios: [b] })).toBe(true);
    expect((await getUsableScenarioSet(member.id, set.id))?.scenarios.map((s) => s.id)).toEqual(['boat-race-copy']);
    expect((await listScenarioSets(teacher.id)).filter((s) => s.id === set.id)).toHaveLength(1);
    expect(await listScenarioSets(teacher.id)).toHaveLength(1);
  });
});
