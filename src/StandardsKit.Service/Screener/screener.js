// The StandardsKit screener: a form generated from GET /v1/facts, answered by POST /v1/evaluate, grouped as
// eligible / to ask next / not eligible. No framework and nothing fetched from elsewhere: the page must work offline.
// Every text from the standards is inserted with textContent, never as HTML.
"use strict";

(function () {
  const words = {
    zh: {
      title: "基本公共服务筛查", where: "地点与日期", county: "县（区）：输入名称或代码", date: "日期",
      facts: "居民情况（不知道的可留空）", evaluate: "筛查", eligible: "符合条件", askNext: "还需了解",
      askHint: "回答以下问题可确定更多项目，最有用的在前：", notEligible: "不符合条件", unknown: "不知道",
      yes: "是", no: "否", chooseCounty: "请先选择县（区）", chosen: "已选", noMatch: "没有匹配的县级行政区",
      affects: (n) => `影响 ${n} 个项目`, because: "依据", cites: "出处", needs: "还需要", amountNeeds: "金额取决于",
      definedBy: "定义", items: (n) => `${n} 个项目`, revision: "标准版本", engine: "引擎",
      none: "（无）", defaultsToCounty: "缺省为所选县", noneMeansNone: "不填表示没有",
      summary: (where, on, e, a, n) => `${where} · ${on}：符合 ${e} 项，待定 ${a} 项，不符合 ${n} 项`,
      or: "或", mayBeNone: "或无", atLeast: "不低于", failed: "请求失败",
    },
    en: {
      title: "Basic public services screener", where: "Place and date", county: "County: type a name or code", date: "Date",
      facts: "About the resident (leave blank what you do not know)", evaluate: "Screen", eligible: "Eligible",
      askNext: "To ask next", askHint: "Answering these settles more items; the most useful first:", notEligible: "Not eligible",
      unknown: "unknown", yes: "yes", no: "no", chooseCounty: "Choose a county first", chosen: "Chosen", noMatch: "No county-level division matches",
      affects: (n) => `affects ${n} item${n === 1 ? "" : "s"}`, because: "Because", cites: "Cites", needs: "Needs", amountNeeds: "Amount depends on",
      definedBy: "defined by", items: (n) => `${n} items`, revision: "Standards revision", engine: "engine",
      none: "(none)", defaultsToCounty: "defaults to the chosen county", noneMeansNone: "blank means none",
      summary: (where, on, e, a, n) => `${where} · ${on}: ${e} eligible, ${a} undetermined, ${n} not eligible`,
      or: "or", mayBeNone: "or none", atLeast: "at least", failed: "Request failed",
    },
  };

  const state = { lang: "zh", facts: [], county: null, result: null };
  const $ = (id) => document.getElementById(id);
  const t = (key) => words[state.lang][key];
  const text = (localized) => (localized ? (state.lang === "en" && localized.en ? localized.en : localized.zh) : "");

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined && child !== "") node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  async function getJson(url, init) {
    const response = await fetch(url, init);
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const detail = body && (body.detail || body.title);
      const pointer = body && body.errors && body.errors[0] && body.errors[0].pointer;
      throw Object.assign(new Error(detail || `${response.status}`), { pointer });
    }
    return body;
  }

  // ---- the form, from the fact vocabulary ----

  function factControl(fact) {
    const id = `fact-${fact.name}`;
    const common = { id, name: fact.name, "data-fact": fact.name };
    switch (fact.type) {
      case "bool":
        return el("select", common, el("option", { value: "" }, t("unknown")), el("option", { value: "true" }, t("yes")), el("option", { value: "false" }, t("no")));
      case "enum":
        return el("select", common, el("option", { value: "" }, t("unknown")), fact.values.map((v) => el("option", { value: v }, v)));
      case "set":
        return el("div", { class: "set", id, "data-fact": fact.name, role: "group" },
          fact.values.map((v) => el("label", null, el("input", { type: "checkbox", value: v, name: fact.name }), " ", v)));
      case "date":
        return el("input", { ...common, type: "date" });
      case "int":
      case "decimal":
        return el("input", { ...common, type: "number", step: fact.type === "int" ? "1" : "any", min: fact.min ?? null, max: fact.max ?? null, inputmode: "numeric" });
      case "division":
        return el("input", { ...common, type: "text", pattern: "[0-9]{6}", maxlength: "6", placeholder: "310104", inputmode: "numeric" });
      default:
        return el("input", { ...common, type: "text" });
    }
  }

  function renderForm() {
    const box = $("facts");
    const kept = readResident();
    box.querySelectorAll(".field").forEach((f) => f.remove());
    for (const fact of state.facts.filter((f) => !f.derived)) {
      const notes = [fact.unit, fact.defaultsToCounty ? t("defaultsToCounty") : null, fact.absentMeansNone ? t("noneMeansNone") : null].filter(Boolean);
      box.append(el("div", { class: "field", id: `field-${fact.name}` },
        el("label", { for: `fact-${fact.name}` }, text(fact.description), " ", el("span", { class: "name" }, fact.name), notes.length ? ` (${notes.join("; ")})` : ""),
        factControl(fact)));
    }
    writeResident(kept);
  }

  function readResident() {
    const resident = {};
    for (const fact of state.facts) {
      if (fact.type === "set") {
        const checked = [...document.querySelectorAll(`input[type=checkbox][name="${fact.name}"]:checked`)].map((c) => c.value);
        if (checked.length) resident[fact.name] = checked;
        continue;
      }
      const input = $(`fact-${fact.name}`);
      if (!input || input.value === "") continue;
      if (fact.type === "bool") resident[fact.name] = input.value === "true";
      else if (fact.type === "int" || fact.type === "decimal") resident[fact.name] = Number(input.value);
      else resident[fact.name] = input.value;
    }
    return resident;
  }

  function writeResident(resident) {
    for (const [name, value] of Object.entries(resident)) {
      if (Array.isArray(value)) {
        document.querySelectorAll(`input[type=checkbox][name="${name}"]`).forEach((c) => { c.checked = value.includes(c.value); });
      } else if ($(`fact-${name}`)) {
        $(`fact-${name}`).value = String(value);
      }
    }
  }

  // ---- county search ----

  let searchTimer = 0;
  function searchCounties() {
    clearTimeout(searchTimer);
    const q = $("county-search").value.trim();
    const list = $("county-options");
    if (!q) { list.replaceChildren(); return; }
    searchTimer = setTimeout(async () => {
      try {
        const found = await getJson(`/v1/divisions?q=${encodeURIComponent(q)}&limit=12`);
        const counties = found.divisions.filter((d) => d.county);
        list.replaceChildren(...(counties.length
          ? counties.map((d) => el("li", { role: "option" }, el("button", { type: "button", "data-code": d.code }, `${d.fullName} (${d.code})`)))
          : [el("li", null, t("noMatch"))]));
        list.querySelectorAll("button").forEach((b) => b.addEventListener("click", () => chooseCounty(counties.find((d) => d.code === b.dataset.code))));
      } catch (e) {
        list.replaceChildren(el("li", null, e.message));
      }
    }, 150);
  }

  function chooseCounty(division) {
    state.county = division;
    $("county").value = division.code;
    $("county-search").value = division.fullName;
    $("county-options").replaceChildren();
    renderChosen();
  }

  function renderChosen() {
    $("county-chosen").textContent = state.county ? `${t("chosen")}: ${state.county.fullName} (${state.county.code})` : "";
  }

  // ---- results ----

  function amount(q) {
    const unit = ` ${q.unit}`;
    if (q.value !== null) return `${q.atLeast ? t("atLeast") + " " : ""}${q.value}${unit}`;
    const values = q.possibleValues.join(` ${t("or")} `) + (q.mayBeAbsent ? ` ${t("mayBeNone")}` : "");
    return `${values}${unit} — ${t("amountNeeds")} ${q.missingFacts.join(", ")}`;
  }

  function factLabel(name) {
    const fact = state.facts.find((f) => f.name === name);
    return fact ? `${text(fact.description)} (${name})` : name;
  }

  function decisionItem(d) {
    const local = d.localName ? ` / ${text(d.localName)}` : "";
    const li = el("li", { class: "decision", "data-item": d.item },
      el("div", { class: "head" },
        el("span", { class: "item-name" }, text(d.name) + local),
        el("span", { class: "meta" }, `${d.item} · ${t("definedBy")} ${d.jurisdiction}`)));
    if (d.level) {
      const lines = d.level.quantities.map((q) => el("li", { "data-quantity": q.name }, `${q.name}: ${amount(q)}`));
      if (d.level.text) lines.push(el("li", null, text(d.level.text)));
      if (lines.length) li.append(el("ul", { class: "level" }, lines));
    }
    if (d.eligible === null && d.missingFacts.length) {
      li.append(el("div", { class: "missing" }, `${t("needs")}: ${d.missingFacts.map(factLabel).join(", ")}`));
    }
    if (d.because.length || d.citations.length) {
      li.append(el("details", null,
        el("summary", null, `${t("because")} / ${t("cites")}`),
        el("ul", { class: "because" }, d.because.map((r) =>
          el("li", null, el("code", null, r.expression), ` = ${r.result === null ? t("unknown") : r.result} `, el("span", { class: "meta" }, r.source)))),
        el("ul", { class: "citations" }, d.citations.map((c) =>
          el("li", null, c.url ? el("a", { href: c.url, rel: "noreferrer noopener", target: "_blank" }, `${c.standard} ${c.title}`) : `${c.standard} ${c.title}`,
            " ", el("span", { class: "evidence" }, c.evidence))))));
    }
    return li;
  }

  function renderResult() {
    const r = state.result;
    if (!r) return;
    const eligible = r.decisions.filter((d) => d.eligible === true);
    const undetermined = r.decisions.filter((d) => d.eligible === null);
    const not = r.decisions.filter((d) => d.eligible === false);
    const fill = (id, list) => {
      const group = $(id);
      group.querySelector(".decisions").replaceChildren(...list.map(decisionItem));
      group.querySelector("h2").replaceChildren(t(group.querySelector("h2").dataset.i18n), " ", el("span", { class: "count" }, `(${list.length})`));
    };
    fill("group-eligible", eligible);
    fill("group-ask", undetermined);
    fill("group-not", not);

    // What to ask next: every fact that would settle an answer or an amount, by how many decisions it touches.
    const counts = new Map();
    for (const d of r.decisions) for (const f of d.missingFacts) counts.set(f, (counts.get(f) || 0) + 1);
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    $("ask-facts").replaceChildren(...ranked.map(([fact, n]) => el("li", { "data-fact": fact },
      el("button", { type: "button", "data-fact": fact }, factLabel(fact)), " ", el("span", { class: "meta" }, t("affects")(n)))));
    $("ask-facts").querySelectorAll("button").forEach((b) => b.addEventListener("click", () => focusFact(b.dataset.fact)));

    const where = state.county ? state.county.fullName : r.county;
    $("summary").textContent = t("summary")(where, r.on, eligible.length, undetermined.length, not.length);
    $("revision").textContent = `${t("revision")} ${r.revision.standards.slice(0, 12)} · ${t("engine")} ${r.revision.engine}`;
    $("results").hidden = false;
    $("answers").scrollTop = 0;
  }

  function focusFact(name) {
    const field = $(`field-${name}`);
    if (!field) return;
    field.classList.add("highlight");
    field.scrollIntoView({ block: "center" });
    const control = field.querySelector("input, select");
    if (control) control.focus();
    setTimeout(() => field.classList.remove("highlight"), 2000);
  }

  async function evaluate(event) {
    event.preventDefault();
    $("error").hidden = true;
    if (!$("county").value) {
      showError(t("chooseCounty"));
      return;
    }
    try {
      state.result = await getJson("/v1/evaluate", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ county: $("county").value, on: $("on").value, resident: readResident() }),
      });
      renderResult();
    } catch (e) {
      showError(e.message, e.pointer);
    }
  }

  function showError(message, pointer) {
    $("error").textContent = `${t("failed")}: ${message}`;
    $("error").hidden = false;
    const fact = pointer && pointer.startsWith("#/resident/") ? pointer.slice("#/resident/".length) : null;
    if (fact) focusFact(fact);
  }

  // ---- language ----

  function setLanguage(lang) {
    state.lang = lang;
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    document.title = `StandardsKit — ${t("title")}`;
    document.querySelectorAll("[data-i18n]").forEach((node) => {
      const value = t(node.dataset.i18n);
      if (typeof value === "string" && !node.querySelector(".count")) node.textContent = value;
    });
    document.querySelectorAll(".lang button").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.lang === lang)));
    renderForm();
    renderChosen();
    renderResult();
  }

  async function start() {
    $("on").value = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10); // today in China (UTC+8)
    $("county-search").addEventListener("input", searchCounties);
    $("screen-form").addEventListener("submit", evaluate);
    document.querySelectorAll(".lang button").forEach((b) => b.addEventListener("click", () => setLanguage(b.dataset.lang)));
    try {
      state.facts = (await getJson("/v1/facts")).facts;
    } catch (e) {
      showError(e.message);
    }
    // Chinese first (the standards' authoritative language); ?lang=en opens in English.
    setLanguage(new URLSearchParams(location.search).get("lang") === "en" ? "en" : "zh");
    document.body.dataset.ready = "true";
  }

  start();
})();
