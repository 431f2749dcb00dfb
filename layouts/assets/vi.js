// Vietnamese text in the browser: the rules of internal/vi (Fold, Slug) and
// newreg.Slug, applied from the tables the build computes with them
// (du-lieu/chu-viet.json, internal/render/vitext.go) — one definition, not
// a copy. internal/render/testdata/vi-cases.json holds the cases that Go's
// tests and the browser tests both run.

const marks = /[\p{M}\p{Cf}]/gu;
const letterOrDigit = /^[\p{L}\p{M}\p{N}]$/u;
const slugChar = /^[a-z0-9]$/;
// The five tones, as combining marks: huyền, sắc, ngã, hỏi, nặng.
const tones = { "\u0300": "2", "\u0301": "5", "\u0303": "4", "\u0309": "3", "\u0323": "6" };

// textRules returns the functions of Vietnamese text for the tables t.
export function textRules(t) {
  const spaces = new Set(t.spaces);

  // fold is vi.Fold: NFC, lower case, without diacritics, đ as d, white
  // space collapsed and trimmed.
  function fold(s) {
    let out = "";
    let pending = false;
    for (const ch of s.normalize("NFC")) {
      if (spaces.has(ch)) {
        pending = true;
        continue;
      }
      let f = t.fold[ch];
      if (f === undefined) {
        f = ch < "\u0080" ? ch : ch.normalize("NFD").replace(marks, "").toLowerCase();
      }
      if (f === "") continue;
      if (pending && out !== "") out += " ";
      pending = false;
      out += f;
    }
    return out.normalize("NFC");
  }

  // slug is vi.Slug: the folded text with apostrophes dropped and every
  // other run outside a–z and 0–9 turned into one hyphen.
  function slug(s) {
    let out = "";
    let dash = false;
    const put = (x) => {
      if (dash && out !== "") out += "-";
      dash = false;
      out += x;
    };
    for (const ch of fold(s)) {
      if (slugChar.test(ch)) {
        put(ch);
        continue;
      }
      const r = t.slug[ch];
      if (r === "") continue;
      if (r !== undefined) put(r);
      else dash = true;
    }
    return out;
  }

  // fileSlug is newreg.Slug: the file name of a registration, cut at the
  // last word that fits in maxSlug.
  function fileSlug(title) {
    const s = slug(title);
    if (s.length <= t.maxSlug) return s;
    const i = s.slice(0, t.maxSlug + 1).lastIndexOf("-");
    return i > 0 ? s.slice(0, i) : s.slice(0, t.maxSlug);
  }

  // words splits text as the search index does (render.searchWords): lower
  // case, NFC, apostrophes dropped, split at whatever is not a letter, a
  // mark or a digit.
  function words(s) {
    const out = [];
    let w = "";
    for (const ch of s.normalize("NFC").toLowerCase()) {
      if (letterOrDigit.test(ch)) {
        w += ch;
      } else if (t.slug[ch] !== "") {
        if (w !== "") out.push(w);
        w = "";
      }
    }
    if (w !== "") out.push(w);
    return out;
  }

  return { fold, slug, fileSlug, words };
}

// toneKey is a word with its tone taken off and written after it as a
// digit, so that spellings that differ only in where the tone mark sits
// ("ủy" and "uỷ", "hòa" and "hoà") are the same exact match, while
// "dương" and "đường" are not.
export function toneKey(w) {
  let tone = "";
  let rest = "";
  for (const ch of w.normalize("NFD")) {
    if (tones[ch]) tone = tones[ch];
    else rest += ch;
  }
  return rest.normalize("NFC") + tone;
}

const cache = new Map();

// fetchJSON fetches a file of the site once per page.
export function fetchJSON(url) {
  if (!cache.has(url)) {
    cache.set(url, fetch(url).then((r) => {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    }));
  }
  return cache.get(url);
}
