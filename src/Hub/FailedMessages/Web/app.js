// The failed-message page: plain JavaScript over the hub's admin API (/api/v1/admin). No build step.
"use strict";

const api = "/api/v1/admin";
const state = { key: sessionStorage.getItem("lsb-api-key") || "", page: 1, pageSize: 25, total: 0, selected: null, group: null };
const $ = (id) => document.getElementById(id);

function say(text, error) {
  $("message").textContent = text;
  $("message").className = error ? "error" : "";
}

async function call(method, path, body) {
  const response = await fetch(api + path, {
    method,
    headers: Object.assign({ "X-Api-Key": state.key, "Accept": "application/json" }, body ? { "Content-Type": "application/json" } : {}),
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const errors = data && data.errors ? " " + Object.entries(data.errors).map(([k, v]) => k + ": " + v.join(" ")).join("; ") : "";
    throw new Error((data && (data.detail || data.title)) || ("HTTP " + response.status) + errors);
  }
  return data;
}

function cell(row, text) {
  const td = document.createElement("td");
  td.textContent = text === undefined || text === null ? "" : String(text);
  row.appendChild(td);
  return td;
}

const shortType = (t) => (t || "").split(".").pop();
const when = (t) => (t ? new Date(t).toISOString().replace("T", " ").slice(0, 19) + "Z" : "");

function filterQuery() {
  const form = new FormData($("filters"));
  const query = new URLSearchParams();
  for (const [name, value] of form.entries()) {
    if (!value) continue;
    query.set(name, (name === "from" || name === "to") ? new Date(value).toISOString() : value);
  }
  return query;
}

async function loadGroups() {
  const query = filterQuery();
  query.delete("status");
  query.delete("group");
  const groups = await call("GET", "/failed-messages/groups?" + query);
  const body = document.querySelector("[data-testid=groups] tbody");
  body.replaceChildren();
  for (const g of groups) {
    const row = document.createElement("tr");
    row.dataset.group = g.key;
    cell(row, g.count);
    cell(row, shortType(g.exceptionType));
    cell(row, shortType(g.messageType));
    cell(row, g.installation);
    cell(row, when(g.firstFailedAt));
    cell(row, when(g.lastFailedAt));
    cell(row, g.sampleMessage);
    const actions = cell(row, "");
    const show = document.createElement("button");
    show.textContent = "Messages";
    show.onclick = () => { document.querySelector("[name=group]").value = g.key; state.page = 1; showComments(g.key); loadMessages(); };
    const replay = document.createElement("button");
    replay.textContent = "Replay group";
    replay.dataset.testid = "replay-group";
    replay.onclick = () => replayGroup(g.key, g.count);
    const comments = document.createElement("button");
    comments.textContent = "Comments (" + g.comments + ")";
    comments.onclick = () => showComments(g.key);
    actions.append(show, replay, comments);
    body.appendChild(row);
  }
  if (groups.length === 0) {
    const row = document.createElement("tr");
    cell(row, "No failed messages.").colSpan = 8;
    body.appendChild(row);
  }
}

async function loadMessages() {
  const query = filterQuery();
  query.set("page", state.page);
  query.set("pageSize", state.pageSize);
  const page = await call("GET", "/failed-messages?" + query);
  state.total = page.total;
  const body = document.querySelector("[data-testid=messages] tbody");
  body.replaceChildren();
  for (const m of page.items) {
    const row = document.createElement("tr");
    row.className = "clickable";
    row.dataset.id = m.id;
    cell(row, when(m.lastFailedAt));
    cell(row, m.replaying ? m.status + " (replaying)" : m.status);
    cell(row, shortType(m.messageType));
    cell(row, shortType(m.exceptionType) + ": " + (m.exceptionMessage || ""));
    cell(row, m.installation);
    cell(row, m.library);
    cell(row, m.failures);
    row.onclick = () => showDetail(m.id);
    body.appendChild(row);
  }
  const pages = Math.max(1, Math.ceil(page.total / state.pageSize));
  $("total").textContent = page.total + " message(s)";
  $("page").textContent = "page " + state.page + " of " + pages;
  $("prev").disabled = state.page <= 1;
  $("next").disabled = state.page >= pages;
}

async function showDetail(id) {
  const d = await call("GET", "/failed-messages/" + id);
  state.selected = d;
  $("detail").hidden = false;
  $("detail-id").textContent = id;
  const summary = $("detail-summary");
  summary.replaceChildren();
  for (const [name, value] of Object.entries(d.summary)) {
    const dt = document.createElement("dt");
    dt.textContent = name;
    const dd = document.createElement("dd");
    dd.textContent = String(value);
    summary.append(dt, dd);
  }
  $("detail-body").textContent = d.body || "";
  const headers = Object.assign({}, d.headers);
  delete headers["exception-stack"];
  $("detail-headers").textContent = Object.entries(headers).map(([k, v]) => k + ": " + v).join("\n");
  $("detail-stack").textContent = d.stackTrace || "";
  const replays = $("detail-replays");
  replays.replaceChildren();
  for (const r of d.replays) {
    const li = document.createElement("li");
    li.textContent = when(r.requestedAt) + " by " + r.requestedBy + ": " + r.outcome;
    replays.appendChild(li);
  }
  const status = d.summary.status;
  $("replay-one").disabled = status !== "Failed" || d.summary.replaying;
  $("archive-one").disabled = status !== "Failed" || d.summary.replaying;
  $("unarchive-one").disabled = status !== "Archived";
  $("detail").scrollIntoView();
}

async function follow(operation) {
  $("operation").hidden = false;
  $("operation-id").textContent = operation.id;
  for (;;) {
    $("operation-progress").value = operation.percentDone;
    $("operation-text").textContent = operation.status + ": " + operation.succeeded + " succeeded, " + operation.failedAgain + " failed again, "
      + operation.skipped + " skipped, " + operation.pending + " pending of " + operation.total + (operation.note ? ". " + operation.note : "");
    const over = ["Completed", "Stopped", "Cancelled"].includes(operation.status) && operation.pending === 0;
    if (over) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
    operation = await call("GET", "/operations/" + operation.id);
  }
  await refresh();
}

async function replayGroup(key, count) {
  if (!confirm("Replay " + count + " message(s) of this group?")) return;
  await guarded(async () => follow(await call("POST", "/failed-messages/replay", { group: key })));
}

async function showComments(key) {
  state.group = key;
  $("comments").hidden = false;
  $("comments-group").textContent = key;
  const comments = await call("GET", "/failed-messages/groups/" + encodeURIComponent(key) + "/comments");
  const list = $("comment-list");
  list.replaceChildren();
  for (const c of comments) {
    const li = document.createElement("li");
    li.textContent = when(c.at) + " " + c.author + ": " + c.text;
    list.appendChild(li);
  }
}

async function refresh() {
  await loadGroups();
  await loadMessages();
}

async function guarded(action) {
  try {
    say("");
    await action();
  } catch (e) {
    say(e.message, true);
  }
}

$("key-form").onsubmit = (e) => {
  e.preventDefault();
  state.key = $("api-key").value;
  sessionStorage.setItem("lsb-api-key", state.key);
  guarded(async () => { await refresh(); $("main").hidden = false; say("Connected."); });
};
$("filters").onsubmit = (e) => { e.preventDefault(); state.page = 1; guarded(refresh); };
$("filters").onreset = () => setTimeout(() => { state.page = 1; guarded(refresh); }, 0);
$("prev").onclick = () => { state.page--; guarded(loadMessages); };
$("next").onclick = () => { state.page++; guarded(loadMessages); };
$("replay-one").onclick = () => guarded(async () => follow(await call("POST", "/failed-messages/" + state.selected.summary.id + "/replay")));
$("archive-one").onclick = () => guarded(async () => { await call("POST", "/failed-messages/" + state.selected.summary.id + "/archive"); await refresh(); await showDetail(state.selected.summary.id); });
$("unarchive-one").onclick = () => guarded(async () => { await call("POST", "/failed-messages/" + state.selected.summary.id + "/unarchive"); await refresh(); await showDetail(state.selected.summary.id); });
$("comment-form").onsubmit = (e) => {
  e.preventDefault();
  guarded(async () => {
    await call("POST", "/failed-messages/groups/" + encodeURIComponent(state.group) + "/comments", { text: $("comment-text").value });
    $("comment-text").value = "";
    await showComments(state.group);
    await loadGroups();
  });
};
if (state.key) { $("api-key").value = state.key; }
