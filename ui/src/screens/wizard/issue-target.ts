// Where in the wizard an approval issue is fixed: the step and the element to focus.
import type { Issue } from '../../lib/bindings/Issue';

export function issueTarget(issue: Issue): { step: number; elementId: string } {
  const set = issue.set_id ?? '';
  const aspect = issue.aspect ?? 'K';
  switch (issue.code) {
    case 'OBJECT_NAME_MISSING':
      return { step: 1, elementId: 'f-meta-name' };
    case 'BAD_DATE':
      return { step: 1, elementId: 'f-meta-date' };
    case 'NO_SETS':
      return { step: 2, elementId: 'add-set-button' };
    case 'SET_NAME_MISSING':
    case 'SET_NAME_DUPLICATE':
      return { step: 2, elementId: `f-set-name-${set}` };
    case 'LEVEL_MISSING':
    case 'LEVEL_OUT_OF_SCALE':
      return { step: 3, elementId: `aspect-${set}-${aspect}` };
    case 'MOTIVATION_MISSING':
    case 'LOWERED_WITHOUT_MOTIVATION':
    case 'SECURITY_LEVEL_MOTIVATION_MISSING':
      return { step: 3, elementId: `f-motivation-${set}-${aspect}` };
    case 'UPLIFT_NOT_ABOVE':
    case 'UPLIFT_MOTIVATION_MISSING':
      return { step: 5, elementId: `f-uplift-${aspect}` };
    case 'LAGRUM_UNDECIDED':
    case 'LAGRUM_REASON_MISSING':
      return { step: 4, elementId: `lagrum-card-${issue.lagrum ?? ''}` };
    default:
      return { step: 5, elementId: '' };
  }
}
