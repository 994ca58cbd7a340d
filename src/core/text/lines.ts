/** Offsets where each line starts; \r\n, \n and a lone \r each end a line, as in VS Code. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** 1-based line and column (in UTF-16 code units, as VS Code and ESLint count) of an offset. */
export function positionAt(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}

/** Lines holding anything but white space: the size the file proxy and file health read. */
export const nonBlankLines = (text: string): number => text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '').length;

/** Non-blank lines of UTF-8 bytes without decoding them: a line with any byte but ASCII white space counts. */
export function nonBlankLinesOfUtf8(bytes: Buffer): number {
  let lines = 0;
  let blank = true;
  for (let at = 0; at < bytes.length; at++) {
    const byte = bytes[at]!;
    if (byte === 10 || (byte === 13 && bytes[at + 1] !== 10)) {
      if (!blank) lines++;
      blank = true;
    } else if (byte !== 32 && byte !== 9 && byte !== 13 && byte !== 11 && byte !== 12) blank = false;
  }
  return blank ? lines : lines + 1;
}
