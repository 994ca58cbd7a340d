import * as vscode from 'vscode';
import { IMPACTS, normaliseMetaValue } from '../core/annotations/meta';
import type { Impact, Meta } from '../core/model';

const BACK = Symbol('back');
type Answer = string | typeof BACK | undefined;

const TAGS = ['DEBT', 'TODO', 'FIXME', 'HACK', 'REFACTOR', 'OPTIMIZE'];
const EFFORTS = ['30m', '2h', '4h', '1d', '2d'];
const NO_OWNER = '(no owner)';

interface Step {
  title: string;
  /** Choices to pick from, or none for free text. */
  choices?: readonly string[];
  /** Why typed text is not a valid answer; undefined when it is. With choices, valid typed text is offered as a choice. */
  problem?: (typed: string) => string | undefined;
  placeholder: string;
}

/** One step as a quick pick or an input box (showing the answer given before, after Back), with a Back button after the first; BACK, the answer, or undefined when dismissed. */
function ask(step: Step, position: string, first: boolean, previous?: string): Promise<Answer> {
  const input = step.choices ? vscode.window.createQuickPick() : vscode.window.createInputBox();
  input.title = `Tag as Debt (${position}): ${step.title}`;
  input.placeholder = step.placeholder;
  input.buttons = first ? [] : [vscode.QuickInputButtons.Back];
  input.ignoreFocusOut = true;
  return new Promise<Answer>((resolve) => {
    let answer: Answer;
    const finish = (value: Answer) => {
      answer = value;
      input.hide();
    };
    input.onDidTriggerButton(() => finish(BACK));
    input.onDidHide(() => {
      input.dispose();
      resolve(answer);
    });
    if ('items' in input) {
      const fixed = step.choices!.map((label) => ({ label }));
      input.items = fixed;
      const chosenBefore = fixed.filter((item) => item.label === previous);
      if (chosenBefore.length > 0) input.activeItems = chosenBefore;
      input.onDidChangeValue((typed) => {
        const offered = typed && !step.choices!.includes(typed) && !step.problem?.(typed);
        input.items = offered ? [{ label: typed, description: 'as typed' }, ...fixed] : fixed;
      });
      input.onDidAccept(() => input.selectedItems[0] && finish(input.selectedItems[0].label));
    } else {
      input.value = previous ?? '';
      input.onDidChangeValue((typed) => (input.validationMessage = typed ? step.problem?.(typed) : undefined));
      input.onDidAccept(() => input.value.trim() && !step.problem?.(input.value) && finish(input.value.trim()));
    }
    input.show();
  });
}

/** Runs the steps in order; Back returns to the step before. The answers, or undefined when one is dismissed. */
async function runSteps(steps: readonly Step[]): Promise<string[] | undefined> {
  const answers: string[] = [];
  for (let index = 0; index < steps.length; ) {
    const answer = await ask(steps[index]!, `${index + 1}/${steps.length}`, index === 0, answers[index]);
    if (answer === undefined) return undefined;
    if (answer === BACK) index--;
    else answers[index++] = answer;
  }
  return answers;
}

const problemOf = (key: 'effort' | 'owner') => (typed: string) => {
  const checked = normaliseMetaValue(key, typed.trim());
  return 'error' in checked ? checked.error : undefined;
};

function metaSteps(owners: readonly string[]): Step[] {
  return [
    { title: 'impact on the team', choices: IMPACTS, placeholder: 'how much it slows the team' },
    { title: 'effort to fix', choices: EFFORTS, problem: problemOf('effort'), placeholder: 'pick, or type a duration: 3h, 90m, 5d, 3pt' },
    { title: 'owner', choices: [NO_OWNER, ...owners], problem: problemOf('owner'), placeholder: 'pick, or type a name' },
  ];
}

function metaOf([impact, effort, owner]: string[]): Meta {
  const meta: Meta = { impact: impact as Impact, effort: effort!.trim() };
  if (owner !== NO_OWNER) meta.owner = owner!.replace(/^@/, '');
  return meta;
}

/** The comment's text, tag and META, asked in that order (what matters first); undefined when dismissed. */
export async function askDebtComment(owners: readonly string[]): Promise<{ text: string; tag: string; meta: Meta } | undefined> {
  const answers = await runSteps([{ title: 'what to fix, and why', placeholder: 'e.g. split the parser: every grammar change touches it' }, { title: 'tag', choices: TAGS, placeholder: 'the kind of note' }, ...metaSteps(owners)]);
  return answers && { text: answers[0]!, tag: answers[1]!, meta: metaOf(answers.slice(2)) };
}

/** The META for an existing TODO being tracked as DEBT; undefined when dismissed. */
export async function askMeta(owners: readonly string[]): Promise<Meta | undefined> {
  const answers = await runSteps(metaSteps(owners));
  return answers && metaOf(answers);
}
