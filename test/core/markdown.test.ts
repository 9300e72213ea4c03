import { describe, expect, it } from 'vitest';
import { closeDetails, closeFences, dropImages, neutralize, sanitizeMarkdown } from '../../src/core/render/markdown.js';

const ZWJ = '\u200D';

describe('closeFences', () => {
  it.each([
    ['no fence', 'plain text', 'plain text'],
    ['a closed backtick fence', '```js\nx\n```', '```js\nx\n```'],
    ['a closed tilde fence', '~~~\nx\n~~~', '~~~\nx\n~~~'],
    ['an open backtick fence', '```js\nx', '```js\nx\n```'],
    ['an open tilde fence', '~~~\nx', '~~~\nx\n~~~'],
    ['a longer fence closed by a shorter one stays open', '````\n```\n', '````\n```\n\n````'],
    ['a longer fence opened, a shorter line inside, closed', '````\n```\n````', '````\n```\n````'],
    ['a closing fence may be longer', '```\nx\n`````', '```\nx\n`````'],
    ['a tilde line does not close a backtick fence', '```\n~~~', '```\n~~~\n```'],
    ['a backtick line does not close a tilde fence', '~~~~\n````', '~~~~\n````\n~~~~'],
    ['a closing fence has nothing after it', '```\n``` not a close', '```\n``` not a close\n```'],
    ['inline triple backticks are not a fence', 'use ```x``` inline', 'use ```x``` inline'],
    ['a backtick info string with a backtick is not a fence', '```a`b\ntext', '```a`b\ntext'],
    ['a tilde info string may hold a backtick', '~~~a`b\ntext', '~~~a`b\ntext\n~~~'],
    ['indented by four spaces is code, not a fence', '    ```\ntext', '    ```\ntext'],
    ['indented by three spaces is a fence', '   ```\ntext', '   ```\ntext\n```'],
    ['two fences, the second open', '```\na\n```\n~~~\nb', '```\na\n```\n~~~\nb\n~~~'],
    ['a closing fence may end in spaces', '```\nx\n```   \nafter', '```\nx\n```   \nafter'],
    ['an info string past a line separator still opens a fence', '```js\u2028x\ncode', '```js\u2028x\ncode\n```'],
  ])('%s', (_name, input, expected) => {
    expect(closeFences(input)).toBe(expected);
  });

  it('keeps the red-team summary from swallowing what follows', () => {
    const summary = sanitizeMarkdown('````\n```\n', 1000);
    expect(closeFences(`${summary}\n\n| finding |\n`)).toBe(`${summary}\n\n| finding |\n`);
    expect(summary.endsWith('\n````')).toBe(true);
  });
});

describe('neutralize', () => {
  it.each([
    ['@user', `@${ZWJ}user`],
    ['_@user_', `_@${ZWJ}user_`],
    ['`@user', `\`@${ZWJ}user`],
    ['**@user**', `**@${ZWJ}user**`],
    ['(@acme/security)', `(@${ZWJ}acme/security)`],
    ['mail a@b.example', 'mail a@b.example'],
    ['@ alone', '@ alone'],
    ['<!-- marker -->', '&lt;!-- marker -->'],
    ['a\r\nb\rc', 'a\nb\nc'],
    ['![logo](https://evil.example/p.png?x=1)', '(image: logo)'],
    ['![ref][1]', '(image: ref)'],
    ['![ref][logo-1] after', '(image: ref) after'],
    ['![bare]', '(image: bare)'],
    ['<img src="https://evil.example/p.png">', '&lt;img src="https://evil.example/p.png">'],
    ['< IMG src=x>', '&lt; IMG src=x>'],
    ['<picture><source srcset=x>', '&lt;picture>&lt;source srcset=x>'],
    ['[a link](https://example.com)', '[a link](https://example.com)'],
    ['<imgx>', '<imgx>'],
  ])('%j', (input, expected) => {
    expect(neutralize(input)).toBe(expected);
  });
});

describe('dropImages', () => {
  it.each([
    ['![logo](https://evil.example/p.png) and ![ref][logo-1]', '(image: logo) and (image: ref)'],
    ['no image, a [link](https://example.com)', 'no image, a [link](https://example.com)'],
    ['@user <!-- kept -->', '@user <!-- kept -->'],
  ])('%j', (input, expected) => {
    expect(dropImages(input)).toBe(expected);
  });
});

describe('closeDetails', () => {
  it.each([
    ['balanced', '<details><summary>x</summary>y</details>', '<details><summary>x</summary>y</details>'],
    ['one open', '<details>\ny', '<details>\ny\n</details>'],
    ['two open', '<details><DETAILS open>', '<details><DETAILS open>\n</details>\n</details>'],
    ['a stray close', 'y</details>', 'y&lt;/details>'],
    ['a stray close after a balanced pair', '<details>a</details></details>', '<details>a</details>&lt;/details>'],
    ['not the tag', '<detailsx>', '<detailsx>'],
  ])('%s', (_name, input, expected) => {
    expect(closeDetails(input)).toBe(expected);
  });
});

describe('sanitizeMarkdown', () => {
  it('neutralises, closes fences then details, and keeps the limit', () => {
    expect(sanitizeMarkdown('<details>\n```\n@x', 1000)).toBe(`<details>\n\`\`\`\n@${ZWJ}x\n\`\`\`\n</details>`);
    const long = sanitizeMarkdown('line\n'.repeat(1000), 200);
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long).toContain("The endpoint's text was cut.");
  });
});
