// Success messages (e.g. where an export was written), shown under the top bar until closed.
export const notice = $state<{ text: string | null; seq: number }>({ text: null, seq: 0 });

export function showNotice(text: string): void {
  notice.text = text;
  notice.seq += 1;
}

export function clearNotice(): void {
  notice.text = null;
}
