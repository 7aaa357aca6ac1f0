import { describe, expect, it } from 'vitest';
import { escapeHtml, toHtml } from './html.js';
import { sampleCheck, sampleEntry } from '../../../../tests/fixtures/chronology.js';

const generatedAt = new Date('2026-03-02T12:30:00.000Z');

describe('toHtml', () => {
  it('is one page a screen reader can walk: language, title, headings, a captioned table with scoped headers', () => {
    const html = toHtml(sampleCheck(), [sampleEntry(3), sampleEntry(1)], generatedAt);
    expect(html).toMatch(/^<!doctype html>\n<html lang="en-GB">/);
    expect(html).toContain('<title>History check');
    expect(html.match(/<h[12]>/g)).toEqual(['<h1>', '<h2>', '<h2>', '<h2>']);
    expect(html).toContain('<caption>Course of conduct, in the order it happened (2 records)</caption>');
    expect(html.match(/<th scope="col">/g)).toHaveLength(6);
    expect(html.indexOf('Incident 1: messages')).toBeLessThan(html.indexOf('Incident 3: messages'));
    expect(html).toContain('<td>evidence</td>');
    expect(html).not.toMatch(/<script|<link|src=|@import/);
  });

  it('keeps whatever an agency wrote as text', () => {
    const hostile = '<img src=x onerror="alert(1)"> & \'quoted\'';
    const html = toHtml(sampleCheck({ purpose: hostile }), [{ ...sampleEntry(1), summary: hostile }], generatedAt);
    expect(html).not.toContain('<img');
    expect(html).toContain(escapeHtml(hostile));
    expect(escapeHtml(hostile)).toBe('&#60;img src=x onerror=&#34;alert(1)&#34;&#62; &#38; &#39;quoted&#39;');
  });

  it('says a refused check asked no agency, and shows no table', () => {
    const html = toHtml(sampleCheck({ state: 'refused', refusal: { code: 'case_not_about_suspect', reason: 'No such case.' } }), [], generatedAt);
    expect(html).toContain('No such case. No agency was asked.');
    expect(html).not.toContain('<table>');
  });
});
