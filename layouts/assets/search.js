// Search, entirely in the browser (internal/render/search.go writes the
// files): a query's words are folded as vi.Fold does, so "dang uy ka do"
// finds "Đảng ủy xã Ka Đô"; the last word also matches the words it
// begins. Every word must be found — in the model's title, its
// organisation, its field, its novelty or its expected results. Results
// rank by how many words match with their exact diacritics, then by where
// they were found (title, organisation, field, text), then in the site's
// order (newest call first).

import { textRules, toneKey, fetchJSON } from "./vi.js";

const TEXT = 0, FIELD = 1, ORGANISATION = 2, TITLE = 3;
const weight = [1, 2, 4, 8];
const digit = new Int8Array(128).fill(-1);
"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".split("").forEach((c, i) => { digit[c.charCodeAt(0)] = i; });

// Searcher answers queries from the files at urls: {manifest, table, text}.
export class Searcher {
  constructor(urls) {
    this.urls = urls;
    this.shards = new Map();
  }

  // ready loads what every query needs: the manifest, the registrations
  // table and the text tables. Nothing is fetched before.
  async ready() {
    if (!this.loaded) {
      this.loaded = Promise.all([fetchJSON(this.urls.manifest), fetchJSON(this.urls.table), fetchJSON(this.urls.text)])
        .then(([manifest, table, text]) => {
          this.manifest = manifest;
          this.table = table;
          this.text = textRules(text);
          // Organisations and fields are few: their titles' words are
          // matched here rather than indexed for each registration.
          this.orgWords = table.organisations.title.map((t) => this.spelled(t));
          this.fieldWords = table.fields.map((f) => this.spelled(f.title));
        });
    }
    return this.loaded;
  }

  spelled(s) {
    return this.text.words(s).map((w) => ({ w, term: this.text.fold(w), key: toneKey(w) }));
  }

  // shard returns shard n, fetched once.
  shard(n) {
    if (!this.shards.has(n)) this.shards.set(n, fetchJSON(this.manifest.shards[n]));
    return this.shards.get(n);
  }

  // shardsFor returns the shards that may hold term, or every term that
  // begins with it.
  shardsFor(term, prefix) {
    const first = this.manifest.first;
    const at = (s) => {
      let lo = 0, hi = first.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (first[mid] <= s) lo = mid; else hi = mid - 1;
      }
      return Math.max(0, lo);
    };
    const from = at(term);
    const to = prefix ? at(term + "\uffff") : from;
    const out = [];
    for (let n = from; n <= to && n < first.length; n++) out.push(n);
    return out;
  }

  // search returns the registrations matching q, best first, as numbers
  // into the table, with the organisations whose titles match.
  async search(q) {
    await this.ready();
    const words = this.text.words(q);
    if (words.length === 0) return { words, regs: [], orgs: [] };
    const prefixLast = !/[\s\p{P}]$/u.test(q);
    const N = this.manifest.registrations;
    const regs = this.table.registrations;
    const matched = new Uint8Array(N);
    const exact = new Uint8Array(N);
    const score = new Int32Array(N);
    const orgHits = new Uint8Array(this.orgWords.length);
    for (let k = 0; k < words.length; k++) {
      const w = words[k];
      const term = this.text.fold(w);
      const key = toneKey(w);
      const prefix = prefixLast && k === words.length - 1;
      const isMatch = (t) => t === term || (prefix && t.startsWith(term));
      // A word typed without marks says nothing about which marks are
      // meant: only a word typed with them ranks its exact spellings first.
      const marked = term !== w.toLowerCase();
      const isExact = (spelling, t) => marked && (toneKey(spelling) === key || (prefix && t !== term && spelling.startsWith(w)));
      const best = new Int8Array(N).fill(-1);
      const ex = new Uint8Array(N);
      // Titles, novelty and expected results: the index.
      for (const n of this.shardsFor(term, prefix)) {
        const sh = await this.shard(n);
        let i = lowerBound(sh.terms, term);
        for (; i < sh.terms.length && isMatch(sh.terms[i]); i++) {
          const entry = sh.entries[i];
          for (let j = 0; j < entry.length; j += 2) {
            decode(entry[j + 1], best, isExact(entry[j], sh.terms[i]) ? ex : null);
          }
        }
      }
      // Organisations and fields: their titles.
      const orgMatch = new Int8Array(this.orgWords.length);
      this.orgWords.forEach((ws, o) => {
        for (const x of ws) {
          if (isMatch(x.term)) {
            orgMatch[o] = Math.max(orgMatch[o], isExact(x.w, x.term) ? 2 : 1);
          }
        }
        if (orgMatch[o]) orgHits[o]++;
      });
      const fieldMatch = this.fieldWords.map((ws) => ws.reduce((m, x) => Math.max(m, isMatch(x.term) ? (isExact(x.w, x.term) ? 2 : 1) : 0), 0));
      for (let d = 0; d < N; d++) {
        const om = orgMatch[regs.organisation[d]];
        if (om) {
          if (best[d] < ORGANISATION) best[d] = ORGANISATION;
          if (om === 2) ex[d] = 1;
        }
        const fm = fieldMatch[regs.field[d]];
        if (fm) {
          if (best[d] < FIELD) best[d] = FIELD;
          if (fm === 2) ex[d] = 1;
        }
        if (best[d] >= 0) {
          matched[d]++;
          score[d] += weight[best[d]];
          exact[d] += ex[d];
        }
      }
    }
    const found = [];
    for (let d = 0; d < N; d++) if (matched[d] === words.length) found.push(d);
    found.sort((a, b) => exact[b] - exact[a] || score[b] - score[a] || a - b);
    const orgs = [];
    orgHits.forEach((n, o) => { if (n === words.length) orgs.push(o); });
    return { words, regs: found, orgs };
  }
}

// decode reads one list of postings into best (the best part found so far
// for each registration) and, when the spelling is exact, marks ex.
function decode(s, best, ex) {
  let reg = -1, v = 0, shift = 0;
  for (let i = 0; i < s.length; i++) {
    const d = digit[s.charCodeAt(i)];
    v += (d & 31) * 2 ** shift;
    if (d & 32) {
      shift += 5;
      continue;
    }
    reg += Math.floor(v / 2) + 1;
    const part = v % 2 === 1 ? TITLE : TEXT;
    if (best[reg] < part) best[reg] = part;
    if (ex) ex[reg] = 1;
    v = 0;
    shift = 0;
  }
}

function lowerBound(a, x) {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1; else hi = mid;
  }
  return lo;
}

// registrationURL is a registration's page, from the table's pattern.
export function registrationURL(table, text, d) {
  const r = table.registrations;
  return table.registrationURL
    .replace("{year}", table.campaigns[r.campaign[d]].year)
    .replace("{org}", table.organisations.id[r.organisation[d]])
    .replace("{slug}", r.slug[d] || text.fileSlug(r.title[d]));
}

// The search page: layouts/search.html.
const form = document.getElementById("tim-kiem-form");
if (form) {
  const input = document.getElementById("tim-kiem-q");
  const status = document.getElementById("tim-kiem-trang-thai");
  const list = document.getElementById("tim-kiem-ket-qua");
  const more = document.getElementById("tim-kiem-them");
  const searcher = new Searcher({ manifest: form.dataset.manifest, table: form.dataset.table, text: form.dataset.text });
  window.mohinhSearch = searcher; // for the browser tests and the curious
  let shown = 0, result = null, asked = 0;
  const pageSize = 50;

  const showMore = () => {
    const t = searcher.table, r = t.registrations;
    const frag = document.createDocumentFragment();
    for (const d of result.regs.slice(shown, shown + pageSize)) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = registrationURL(t, searcher.text, d);
      a.textContent = r.title[d];
      const h = document.createElement("h2");
      h.append(a);
      const p = document.createElement("p");
      p.className = "muted";
      const parts = [t.organisations.title[r.organisation[d]], t.fields[r.field[d]].title, "năm " + t.campaigns[r.campaign[d]].year, t.statuses[r.status[d]].label];
      if (r.member[d]) parts.splice(1, 0, "Cá nhân: " + r.member[d]);
      p.textContent = parts.join(" · ");
      li.append(h, p);
      frag.append(li);
    }
    list.append(frag);
    shown = Math.min(result.regs.length, shown + pageSize);
    more.hidden = shown >= result.regs.length;
  };

  const run = async () => {
    const q = input.value;
    const url = new URL(location.href);
    if (q.trim()) url.searchParams.set("q", q); else url.searchParams.delete("q");
    history.replaceState(null, "", url);
    const mine = ++asked;
    if (!q.trim()) {
      list.replaceChildren();
      status.textContent = "";
      more.hidden = true;
      return;
    }
    const started = performance.now();
    const res = await searcher.search(q);
    if (mine !== asked) return; // a newer query is on its way
    result = res;
    searcher.lastMillis = performance.now() - started;
    list.replaceChildren();
    shown = 0;
    const orgs = document.getElementById("tim-kiem-to-chuc");
    orgs.replaceChildren();
    for (const o of res.orgs.slice(0, 10)) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      const t = searcher.table;
      a.href = t.organisationURL.replace("{id}", t.organisations.id[o]);
      a.textContent = t.organisations.title[o];
      li.append(a);
      orgs.append(li);
    }
    orgs.hidden = res.orgs.length === 0;
    status.textContent = res.regs.length === 0
      ? "Không tìm thấy mô hình nào cho “" + q.trim() + "”."
      : "Tìm thấy " + res.regs.length.toLocaleString("vi-VN") + " mô hình cho “" + q.trim() + "”.";
    showMore();
    form.dataset.done = String(mine);
  };

  let timer = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    clearTimeout(timer);
    run();
  });
  more.addEventListener("click", showMore);
  const q = new URLSearchParams(location.search).get("q");
  if (q) {
    input.value = q;
    run();
  }
}
