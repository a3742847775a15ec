import { describe, expect, it } from 'vitest';
import { markKoreanTitles } from '@src/components/overrides/korean-titles';
import { markOptionLangs } from '@src/components/overrides/lang-options';

describe('the language picker marks each option with its language', () => {
  it('adds lang to each option, and fails on an option it does not know', () => {
    const html =
      '<select><option value="/notes/study/vit/" class="a">한국어</option><option value="/notes/en/study/vit/" selected class="a">English</option></select>';
    expect(markOptionLangs(html)).toBe(
      '<select><option value="/notes/study/vit/" class="a" lang="ko">한국어</option><option value="/notes/en/study/vit/" selected class="a" lang="en">English</option></select>',
    );
    expect(() => markOptionLangs('<select><option value="/fr/">Français</option></select>')).toThrow(
      /no language for the option "Français"/,
    );
    expect(() => markOptionLangs('<select></select>')).toThrow(/no <option>/);
  });
});

describe('previous/next titles on English pages', () => {
  it('marks a Korean title lang="ko" and leaves English ones alone', () => {
    expect(markKoreanTitles('<span class="link-title astro-x">LLM과 VLM</span><span class="link-title astro-x">Transformer</span>')).toBe(
      '<span class="link-title astro-x" lang="ko">LLM과 VLM</span><span class="link-title astro-x">Transformer</span>',
    );
  });
});
