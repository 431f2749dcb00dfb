// The registration form (layouts/form.html): checks each item as it is
// filled in, with the rules of mohinh check that the build writes into
// du-lieu/dang-ky.schema.json (internal/render/schema.go), and writes the
// registration file in the form of docs/content-format.md — to download,
// and, when the site names its repository, to open there as a new file.
// Nothing is sent anywhere: the page only reads the site's own files.

import { textRules, fetchJSON } from "./vi.js";

const form = document.getElementById("dang-ky");
if (form) start(form);

async function start(form) {
  const [schema, text] = await Promise.all([fetchJSON(form.dataset.schema), fetchJSON(form.dataset.text)]);
  const rules = schema["x-mohinh"];
  const vi = textRules(text);
  const props = schema.properties;
  const required = new Set(schema.required);
  const el = (key) => document.getElementById("f-" + key);
  const value = (key) => {
    const v = el(key) ? clean(el(key).value) : "";
    return key === "date" ? isoDate(v) : v;
  };
  const individual = () => form.elements.kind.value === "ca-nhan";
  const campaign = () => rules.campaigns.find((c) => String(c.year) === el("campaign").value);
  const say = (name, vars) => rules.messages[name].replace(/\{(\w+)\}/g, (_, k) => vars[k] ?? "");
  const touched = new Set();
  // The registrations already in the site, for titles that repeat; read
  // when a title is first checked.
  let table = null;
  const loadTable = () => fetchJSON(form.dataset.table).then((t) => { table = t; check("title"); });

  // Each check returns [severity, message] or null.
  const checks = {
    campaign() {
      if (!campaign()) return ["error", say("choose", { label: "đợt đăng ký" })];
    },
    organisation() {
      const id = value("organisation");
      if (!id) return ["error", say("choose", { label: "tổ chức đăng ký" })];
      const o = rules.organisations.find((x) => x.id === id);
      const c = campaign();
      if (o && c && (o.closed || []).includes(c.year)) {
        return ["error", say("closed", { why: (o.why || {})[c.year] || o.title })];
      }
    },
    field() {
      if (!value("field")) return ["error", say("choose", { label: "lĩnh vực" })];
    },
    member() {
      if (individual() && !value("member")) return ["error", say("member-required", {})];
    },
    title() {
      const t = value("title");
      if (!t) return ["error", say("required", { label: props.title.title })];
      const slug = vi.fileSlug(t);
      if (!slug) return ["error", say("title-no-letter", {})];
      if (!table) {
        loadTable();
        return null;
      }
      const c = campaign(), org = value("organisation");
      if (!c || !org) return null;
      const r = table.registrations, key = vi.fold(t);
      for (let d = 0; d < r.title.length; d++) {
        if (table.campaigns[r.campaign[d]].year !== c.year || table.organisations.id[r.organisation[d]] !== org) continue;
        if (vi.fold(r.title[d]) === key || (r.slug[d] || vi.fileSlug(r.title[d])) === slug) {
          return ["error", say("duplicate-title", { other: r.title[d] })];
        }
      }
    },
    number() {
      const n = value("number");
      if (n && !new RegExp(props.number.pattern, "u").test(n)) return ["error", say("bad-number", { value: n })];
    },
    date() {
      const s = value("date");
      if (!s) return required.has("date") ? ["error", say("required", { label: props.date.title })] : null;
      if (!realDate(s)) return ["error", say("bad-date", {})];
      const c = campaign();
      if (s > today(rules.timeZoneOffset)) return ["error", say("date-in-future", { date: short(s) })];
      if (c && c.issued && s < c.issued) return ["error", say("date-before-call", { date: short(s), number: c.number, issued: short(c.issued) })];
      if (c && c.deadline && s > c.deadline) return ["warning", say("late", { days: daysBetween(c.deadline, s), year: c.year, deadline: short(c.deadline) })];
    },
  };
  for (const key of schema["x-order"]) {
    if (checks[key] || !el(key)) continue;
    checks[key] = () => {
      const v = value(key);
      if (!v) return required.has(key) ? ["error", say("required", { label: props[key].title })] : null;
      if (rules.wordsChecked.includes(key)) {
        const n = v.split(/\s+/).length;
        if (n < rules.minWords) return ["warning", say("text-too-short", { n })];
      }
      if (props[key].pattern && !new RegExp(props[key].pattern, "u").test(v)) return ["error", say("bad-" + key, { value: v })];
    };
  }

  // check shows the problem of one item next to it and returns it.
  function check(key) {
    const input = el(key);
    if (!input || !checks[key]) return null;
    const problem = (touched.has(key) && checks[key]()) || null;
    const msg = document.getElementById("f-" + key + "-msg");
    msg.textContent = problem ? problem[1] : "";
    msg.className = "field-msg" + (problem ? " " + problem[0] : "");
    if (problem && problem[0] === "error") input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
    if (!summary.hidden) showSummary(false);
    return problem;
  }

  // The list of what stops the file at the top of the form: shown when the
  // form is sent with errors, kept up to date as they are fixed.
  const summary = document.getElementById("dang-ky-loi");
  function showSummary(focus) {
    // In the order of the page, which is not the file's.
    const problems = [];
    for (const input of form.querySelectorAll('[aria-invalid="true"]')) {
      const key = input.id.replace(/^f-/, "");
      if (props[key]) problems.push([key, document.getElementById("f-" + key + "-msg").textContent]);
    }
    if (problems.length === 0) {
      summary.hidden = true;
      return 0;
    }
    const h = document.createElement("p");
    h.textContent = "Chưa tạo được tệp: còn " + problems.length + " mục cần sửa.";
    const ul = document.createElement("ul");
    for (const [key, msg] of problems) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = "#f-" + key;
      a.textContent = props[key].title + ": " + msg;
      a.addEventListener("click", (ev) => { ev.preventDefault(); el(key).focus(); });
      li.append(a);
      ul.append(li);
    }
    summary.replaceChildren(h, ul);
    summary.hidden = false;
    if (focus) summary.focus();
    return problems.length;
  }

  // Organisations dissolved before the chosen call are not offered.
  function offerOrganisations() {
    const c = campaign();
    for (const opt of el("organisation").options) {
      const closed = (opt.dataset.closed || "").split(" ");
      const hide = !!c && closed.includes(String(c.year));
      opt.hidden = hide;
      opt.disabled = hide;
    }
  }

  function showSlug() {
    el("title-slug").textContent = (vi.fileSlug(value("title")) || "…") + ".md";
  }

  function showKind() {
    document.getElementById("muc-member").hidden = !individual();
    if (individual()) {
      if (!value("signer_title")) el("signer_title").value = "Đảng viên";
    } else if (value("signer_title") === "Đảng viên") {
      el("signer_title").value = "";
    }
  }

  // Checks that depend on another item run again when it changes.
  const dependents = { campaign: ["organisation", "date", "title"], organisation: ["title"] };
  for (const key of Object.keys(checks)) {
    const input = el(key);
    if (!input) continue;
    input.addEventListener("input", () => {
      if (key === "title") showSlug();
      if (touched.has(key)) check(key);
    });
    input.addEventListener("change", () => {
      touched.add(key);
      if (key === "campaign") offerOrganisations();
      check(key);
      for (const k of dependents[key] || []) check(k);
    });
    input.addEventListener("blur", () => {
      touched.add(key);
      check(key);
    });
  }
  for (const radio of form.elements.kind) {
    radio.addEventListener("change", () => {
      showKind();
      check("member");
    });
  }
  offerOrganisations();
  showSlug();
  showKind();
  form.dataset.ready = "1";

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    for (const key of schema["x-order"]) {
      if (!el(key)) continue;
      touched.add(key);
      check(key);
    }
    const out = document.getElementById("dang-ky-tep");
    if (showSummary(true) > 0) {
      out.hidden = true;
      return;
    }
    showFile(out);
  });

  // The copy button puts the file on the clipboard, to paste into the
  // forge's page; where the browser refuses (a page not served over
  // HTTPS), the text is selected for Ctrl+C.
  document.getElementById("dang-ky-chep").addEventListener("click", async () => {
    const said = document.getElementById("dang-ky-chep-ket-qua");
    try {
      await navigator.clipboard.writeText(form.dataset.file);
      said.textContent = "Đã chép: dán vào ô nội dung của trang tạo tệp (Ctrl+V).";
    } catch {
      window.getSelection().selectAllChildren(document.getElementById("dang-ky-noi-dung"));
      said.textContent = "Đã chọn toàn bộ nội dung: nhấn Ctrl+C để chép.";
    }
  });

  // showFile writes the registration file and offers it.
  function showFile(out) {
    const c = campaign();
    const slug = vi.fileSlug(value("title"));
    const path = rules.path.replace("{year}", c.year).replace("{org}", value("organisation")).replace("{slug}", slug);
    const file = registrationFile();
    document.getElementById("dang-ky-duong-dan").textContent = path;
    document.getElementById("dang-ky-noi-dung").textContent = file;
    const download = document.getElementById("dang-ky-tai-ve");
    if (download.href.startsWith("blob:")) URL.revokeObjectURL(download.href);
    download.href = URL.createObjectURL(new Blob([file], { type: "text/markdown;charset=utf-8" }));
    download.download = slug + ".md";
    const repo = document.getElementById("dang-ky-kho");
    if (repo && rules.newFileURL) {
      // A link longer than servers accept opens the page with the file
      // name only, and the page says to paste the file (newFileMax).
      const link = (value) => rules.newFileURL
        .replace("{path}", encodeURIComponent(path).replace(/%2F/g, "/"))
        .replace("{value}", encodeURIComponent(value));
      const long = link(file).length > rules.newFileMax;
      repo.href = long ? link("") : link(file);
      document.getElementById("dang-ky-kho-dai").hidden = !long;
      document.getElementById("dang-ky-kho-huong-dan").hidden = long;
    }
    out.hidden = false;
    form.dataset.file = file;
    form.dataset.path = path;
    document.getElementById("dang-ky-tep-h").focus();
  }

  // registrationFile is the file: front matter in the order of
  // docs/content-format.md, text in double quotes or as a block (yamlText),
  // then the body.
  function registrationFile() {
    const v = {};
    for (const key of schema["x-order"]) v[key] = value(key);
    if (!individual()) v.member = "";
    v.status = props.status.default;
    let s = "---\n";
    for (const key of schema["x-order"]) {
      const x = v[key];
      if (x === "") continue;
      const p = props[key];
      if (p.type === "integer" || p.enum || p.format === "date") s += key + ": " + x + "\n";
      else if (key === "novelty" || key === "expected_results") s += key + ": " + yamlText(x);
      else s += key + ": " + quoted(x) + "\n";
    }
    s += "---\n";
    const body = clean(el("body").value, true);
    if (body) s += "\n## Nội dung mô hình\n\n" + body + "\n";
    return s;
  }
}

// space is what the loader trims (Go's unicode.IsSpace) and JavaScript's
// \s: U+0085 is the one Go has that \s lacks.
const space = "[\\s\\u0085]";
const trailingSpace = new RegExp(space + "+$", "u");
const endSpaces = new RegExp("^" + space + "+|" + space + "+$", "gu");

// clean returns text in NFC, without trailing spaces on its lines or empty
// lines at its ends; one line unless multi is set.
function clean(s, multi) {
  s = (s.toWellFormed ? s.toWellFormed() : s).normalize("NFC").replace(/\r\n?/g, "\n").replace(refused, "");
  const lines = s.split("\n").map((l) => l.replace(trailingSpace, ""));
  const text = multi === false || multi === undefined && !s.includes("\n") ? lines.join(" ") : lines.join("\n");
  return text.replace(endSpaces, "");
}

// refused are the characters the loader refuses in a text
// (content.RefusedRune): controls other than tab and line end, DEL, C1
// controls and Unicode's noncharacters. They are invisible, pasted by
// mistake: the form drops them.
const refused = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff\u{1fffe}\u{1ffff}\u{2fffe}\u{2ffff}\u{3fffe}\u{3ffff}\u{4fffe}\u{4ffff}\u{5fffe}\u{5ffff}\u{6fffe}\u{6ffff}\u{7fffe}\u{7ffff}\u{8fffe}\u{8ffff}\u{9fffe}\u{9ffff}\u{afffe}\u{affff}\u{bfffe}\u{bffff}\u{cfffe}\u{cffff}\u{dfffe}\u{dffff}\u{efffe}\u{effff}\u{ffffe}\u{fffff}\u{10fffe}\u{10ffff}]/gu;

// yamlText is a text as a YAML value: a block, to keep it readable, when
// a block can hold it as it is, else double quotes.
function yamlText(s) {
  return blockCanHold(s) ? block(s) : quoted(s) + "\n";
}

// notPlain are the characters YAML reads as line breaks (U+0085, U+2028,
// U+2029) or refuses unescaped: control characters, U+FEFF, U+FFFE, U+FFFF.
const notPlain = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/u;
const dashes = new RegExp("^" + space + "*---" + space + "*$", "u");

// blockCanHold reports whether a block keeps s as it is. A line that is
// "---" once its spaces are trimmed ends the front matter wherever it
// stands, indented in a block or not (adrg/frontmatter trims every line);
// notPlain cannot be escaped in a block. clean has already taken the
// spaces a block would lose: at the ends of lines, before the first.
function blockCanHold(s) {
  return !notPlain.test(s) && !s.split("\n").some((l) => dashes.test(l));
}

// quoted is text as a YAML double-quoted value, on one line: JSON's string
// syntax is YAML's, but for the characters of notPlain that JSON leaves as
// they are.
function quoted(s) {
  return JSON.stringify(s).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/gu, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

// block is a text as a YAML block: folded (>) for one paragraph, literal
// (|) to keep its lines, indented by two spaces.
function block(s) {
  const lines = s.split("\n");
  return (lines.length === 1 ? ">" : "|") + "\n" + lines.map((l) => (l ? "  " + l : "")).join("\n") + "\n";
}

// isoDate reads a date as Vietnamese write it — day/month/year, with "/",
// "-" or "." between, the day and month with or without their zero — and
// returns it as YYYY-MM-DD; a YYYY-MM-DD date is taken as it is. Anything
// else is returned unchanged, for the check to refuse.
function isoDate(s) {
  const m = /^(\d{1,2})[\/.-](\d{1,2})[\/.-](\d{4})$/.exec(s);
  if (!m) return s;
  return m[3] + "-" + m[2].padStart(2, "0") + "-" + m[1].padStart(2, "0");
}

function realDate(s) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(s + "T00:00:00Z");
  return !isNaN(d) && d.toISOString().slice(0, 10) === s;
}

// today is the date where the content is written, offset minutes east of
// UTC (Vietnam, as content.Today).
function today(offset) {
  return new Date(Date.now() + offset * 60 * 1000).toISOString().slice(0, 10);
}

function short(s) {
  return s.slice(8, 10) + "/" + s.slice(5, 7) + "/" + s.slice(0, 4);
}

function daysBetween(a, b) {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86400000);
}
