// The list of every registration, filtered in the browser
// (layouts/filter.html): by organisation with those under it, field, call,
// status, collective or individual, on time or late, results reported or
// not, in any combination.
// Each choice shows how many registrations it would leave and choices that
// would leave none are hidden. The filters live in the query string, so a
// filtered list can be shared and survives a reload.

import { textRules, fetchJSON } from "./vi.js";
import { registrationURL } from "./search.js";

const root = document.getElementById("bo-loc");
if (root) start(root);

async function start(root) {
  const [table, text] = await Promise.all([fetchJSON(root.dataset.table), fetchJSON(root.dataset.text)]);
  const rules = textRules(text);
  const r = table.registrations;
  const orgs = table.organisations;
  const N = r.title.length;
  const pageSize = 50;

  // Each facet: its parameter in the query string, its label, its
  // choices as [value, label, depth], and the choice of registration d.
  const kinds = [["tap-the", "Tập thể"], ["ca-nhan", "Cá nhân"]];
  const times = [["chua-ro", "Chưa rõ ngày"], ["dung-han", "Đúng hạn"], ["muon", "Nộp muộn"]];
  const results = [["chua", "Chưa báo cáo kết quả"], ["co", "Đã báo cáo kết quả"]];
  const facets = [
    { param: "to-chuc", label: "Tổ chức (gồm cả cấp dưới)", choices: orgs.id.map((id, i) => [id, orgs.title[i], orgs.depth[i]]), of: (d) => r.organisation[d] },
    { param: "linh-vuc", label: "Lĩnh vực", choices: table.fields.map((f) => [f.id, f.title, 0]), of: (d) => r.field[d] },
    { param: "dot", label: "Đợt đăng ký", choices: table.campaigns.map((c) => [String(c.year), "Năm " + c.year, 0]), of: (d) => r.campaign[d] },
    { param: "trang-thai", label: "Trạng thái", choices: table.statuses.map((s) => [s.id, s.label, 0]), of: (d) => r.status[d] },
    { param: "loai", label: "Tập thể hay cá nhân", choices: kinds.map(([v, l]) => [v, l, 0]), of: (d) => (r.member[d] ? 1 : 0) },
    { param: "han", label: "Thời hạn", choices: times.map(([v, l]) => [v, l, 0]), of: (d) => r.timeliness[d] },
    { param: "ket-qua", label: "Kết quả thực hiện", choices: results.map(([v, l]) => [v, l, 0]), of: (d) => r.results[d] },
  ];
  const ORG = 0;

  // The chosen value of each facet, as an index into its choices, or -1.
  const chosen = facets.map(() => -1);
  let page = 1;
  const readURL = () => {
    const q = new URLSearchParams(location.search);
    facets.forEach((f, k) => { chosen[k] = f.choices.findIndex((c) => c[0] === q.get(f.param)); });
    page = Math.max(1, parseInt(q.get("trang") || "1", 10) || 1);
  };
  const writeURL = () => {
    const q = new URLSearchParams();
    facets.forEach((f, k) => { if (chosen[k] >= 0) q.set(f.param, f.choices[chosen[k]][0]); });
    if (page > 1) q.set("trang", String(page));
    const s = q.toString();
    history.replaceState(null, "", location.pathname + (s ? "?" + s : ""));
  };

  // The controls.
  const form = document.createElement("form");
  form.className = "filters";
  form.setAttribute("aria-label", "Bộ lọc");
  const selects = facets.map((f) => {
    const id = "loc-" + f.param;
    const wrap = document.createElement("div");
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = f.label;
    const sel = document.createElement("select");
    sel.id = id;
    sel.name = f.param;
    wrap.append(label, sel);
    form.append(wrap);
    return sel;
  });
  const clear = document.createElement("a");
  clear.href = location.pathname;
  clear.className = "button secondary";
  clear.textContent = "Bỏ mọi bộ lọc";
  form.append(clear);
  const summary = document.createElement("p");
  summary.id = "bo-loc-ket-qua";
  summary.className = "stats";
  summary.setAttribute("role", "status");
  const tableWrap = document.createElement("div");
  tableWrap.className = "table-wrap";
  const pager = document.createElement("nav");
  pager.className = "pager";
  pager.setAttribute("aria-label", "Các trang của danh sách");
  root.replaceChildren(form, summary, tableWrap, pager);

  const render = () => {
    // Counts: for each facet, the registrations that meet the other facets.
    const counts = facets.map((f) => new Int32Array(f.choices.length));
    const rows = [];
    for (let d = 0; d < N; d++) {
      let failed = -1, fails = 0;
      for (let k = 0; k < facets.length && fails < 2; k++) {
        if (chosen[k] >= 0 && !meets(d, k)) { failed = k; fails++; }
      }
      if (fails === 0) rows.push(d);
      if (fails === 0) {
        facets.forEach((f, k) => { counts[k][f.of(d)]++; });
      } else if (fails === 1) {
        counts[failed][facets[failed].of(d)]++;
      }
    }
    // An organisation counts those under it: add each to its parent,
    // from the bottom of the tree (the end of the list) up.
    const oc = counts[ORG];
    for (let i = oc.length - 1; i > 0; i--) if (orgs.parent[i] >= 0) oc[orgs.parent[i]] += oc[i];

    facets.forEach((f, k) => {
      const sel = selects[k];
      const opts = [new Option("Tất cả", "")];
      f.choices.forEach(([value, label, depth], i) => {
        if (counts[k][i] === 0 && chosen[k] !== i) return;
        const o = new Option("\u00a0\u00a0".repeat(depth) + label + " (" + counts[k][i].toLocaleString("vi-VN") + ")", value);
        o.selected = chosen[k] === i;
        opts.push(o);
      });
      sel.replaceChildren(...opts);
      if (chosen[k] < 0) sel.value = "";
    });

    const pages = Math.max(1, Math.ceil(rows.length / pageSize));
    page = Math.min(page, pages);
    summary.textContent = rows.length === N
      ? N.toLocaleString("vi-VN") + " mô hình."
      : rows.length.toLocaleString("vi-VN") + " trong " + N.toLocaleString("vi-VN") + " mô hình khớp với bộ lọc.";
    tableWrap.replaceChildren(rows.length ? tableOf(rows.slice((page - 1) * pageSize, page * pageSize)) : "");
    pager.replaceChildren();
    if (pages > 1) {
      const ul = document.createElement("ul");
      const link = (n, label, rel) => {
        const li = document.createElement("li");
        if (n === page && !rel) {
          const s = document.createElement("span");
          s.setAttribute("aria-current", "page");
          s.textContent = label;
          li.append(s);
        } else {
          const b = document.createElement("button");
          b.type = "button";
          b.textContent = label;
          b.addEventListener("click", () => { page = n; writeURL(); render(); summary.focus(); });
          li.append(b);
        }
        ul.append(li);
      };
      if (page > 1) link(page - 1, "← Trang trước", "prev");
      for (let n = Math.max(1, page - 4); n <= Math.min(pages, page + 4); n++) link(n, String(n));
      if (page < pages) link(page + 1, "Trang sau →", "next");
      pager.append(ul);
    }
    root.dataset.ready = "1";
  };
  const meets = (d, k) => {
    const v = facets[k].of(d);
    if (k === ORG) return v >= chosen[k] && v < orgs.end[chosen[k]];
    return v === chosen[k];
  };

  const tableOf = (rows) => {
    const t = document.createElement("table");
    t.className = "registrations";
    const cap = document.createElement("caption");
    cap.className = "visually-hidden";
    cap.textContent = "Các mô hình khớp với bộ lọc";
    const head = document.createElement("thead");
    const hr = document.createElement("tr");
    for (const h of ["Tổ chức", "Tên mô hình", "Lĩnh vực", "Ngày ký", "Hạn nộp", "Trạng thái"]) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = h;
      hr.append(th);
    }
    head.append(hr);
    const body = document.createElement("tbody");
    for (const d of rows) {
      const tr = document.createElement("tr");
      const cell = (...nodes) => { const td = document.createElement("td"); td.append(...nodes); tr.append(td); return td; };
      const link = (href, label) => { const a = document.createElement("a"); a.href = href; a.textContent = label; return a; };
      const org = r.organisation[d];
      cell(link(table.organisationURL.replace("{id}", orgs.id[org]), orgs.title[org]));
      const title = cell(link(registrationURL(table, rules, d), r.title[d]));
      if (r.member[d]) {
        const m = document.createElement("span");
        m.className = "muted";
        m.textContent = "Cá nhân: " + r.member[d];
        title.append(document.createElement("br"), m);
      }
      cell(table.fields[r.field[d]].title);
      const date = r.date[d];
      cell(date ? String(date % 100).padStart(2, "0") + "/" + String(Math.floor(date / 100) % 100).padStart(2, "0") + "/" + Math.floor(date / 10000) : "").className = "nowrap";
      const tl = r.timeliness[d];
      const badge = (cls, label) => { const s = document.createElement("span"); s.className = "badge " + cls; s.textContent = label; return s; };
      cell(badge(["unknown", "ontime", "late"][tl], times[tl][1]));
      const st = table.statuses[r.status[d]];
      cell(badge("status-" + st.id, st.label));
      body.append(tr);
    }
    t.append(cap, head, body);
    return t;
  };

  selects.forEach((sel, k) => sel.addEventListener("change", () => {
    chosen[k] = facets[k].choices.findIndex((c) => c[0] === sel.value);
    page = 1;
    writeURL();
    render();
  }));
  summary.tabIndex = -1;
  readURL();
  render();
  addEventListener("popstate", () => { readURL(); render(); });
}
