// The projector page: rounds and changeovers in turn, each with its countdown; the room follows the screen.
"use strict";

// At a changeover the names too many for one screen are shown page by page, each this long, in turn.
const PAGE_SECONDS = 7;
// The narrowest column of names, in the list's own type size: the widest screens get more columns, not smaller type.
const COLUMN_EMS = 13;
// How often the screen asks for the seating again: a re-plan on the day reaches the room within this.
const REFRESH_SECONDS = 5;

// A column holds at least this many names: a short list stands in fewer columns rather than in a thin row.
const FEWEST_IN_A_COLUMN = 4;

// How many columns of at most `room` the names of these `heights` fill, each filled in turn to the bottom.
function columnsFilled(heights, room) {
  let columns = 1;
  let used = 0;
  heights.forEach((height) => {
    if (used + height > room && used > 0) {
      columns += 1;
      used = 0;
    }
    used += height;
  });
  return columns;
}

// The names of these `heights` cut into `count` consecutive columns of about equal height, none taller than
// `room`: each column ends at the name that brings the names so far closest to its share of the whole.
// Columns as [first, end) indices; null when they do not fit.
function balanced(heights, room, count) {
  const total = heights.reduce((sum, height) => sum + height, 0);
  const columns = [];
  let start = 0;
  let above = 0;
  for (let column = 1; column <= count; column += 1) {
    const share = (total * column) / count;
    let end = start;
    let used = above;
    const takes = (height) => end === start || (used + height - above <= room && heights.length - end - 1 >= count - column
      && (column === count || Math.abs(used + height - share) <= Math.abs(used - share)));
    while (end < heights.length && takes(heights[end])) {
      used += heights[end];
      end += 1;
    }
    columns.push([start, end]);
    start = end;
    above = used;
  }
  return start === heights.length ? columns : null;
}

// The names of these `heights` in columns of at most `room`, `count` to a page: as many pages as filling each
// column to the bottom takes, the names shared evenly between all their columns; a column more (and so maybe
// a page) when long names make the shares too tall; fewer columns than a page holds for a short list.
function shared(heights, room, count) {
  const pages = Math.ceil(columnsFilled(heights, room) / count);
  const fewest = Math.max(1, Math.floor(heights.length / FEWEST_IN_A_COLUMN));
  for (let columns = Math.min(pages * count, fewest); ; columns += 1) {
    const cut = balanced(heights, room, Math.min(columns, heights.length));
    if (cut || columns >= heights.length) return cut || heights.map((_, index) => [index, index + 1]);
  }
}

function projection(screen) {
  let data = JSON.parse(document.getElementById("projection-data").textContent);
  const label = (name, values) => Object.entries(values || {}).reduce(
    (text, [key, value]) => text.replace("{" + key + "}", value), screen.dataset["label" + name]);
  const $ = (name) => screen.querySelector("[data-" + name + "]");
  // Steps: changeover before round 1 (joining the first tables), round 1, changeover, round 2, ..., the end.
  const steps = [];
  data.rounds.forEach((round, index) => {
    steps.push({ kind: "join", round: index, minutes: index === 0 ? 0 : data.changeoverMinutes });
    steps.push({ kind: "round", round: index, minutes: data.roundMinutes });
  });
  steps.push({ kind: "over", round: data.rounds.length - 1, minutes: 0 });
  let step = 0;
  let remaining = 0;
  let running = false;
  let following = false;
  let last = null;
  let shownSince = 0;
  let pages = [];

  function clock(seconds) {
    const whole = Math.max(0, Math.ceil(seconds));
    const two = (number) => String(number).padStart(2, "0");
    const hours = Math.floor(whole / 3600);
    const minutes = two(Math.floor((whole % 3600) / 60)) + ":" + two(whole % 60);
    return hours ? hours + ":" + minutes : minutes;
  }

  function chime() {
    if (!$("chime").checked || !window.AudioContext) return;
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    tone.frequency.value = 660;
    tone.connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.6);
  }

  function seatItem([name, table]) {
    const item = document.createElement("li");
    const who = document.createElement("span");
    who.textContent = name;
    const where = document.createElement("strong");
    where.textContent = label("Table", { number: table });
    item.append(who, where);
    return item;
  }

  // The names in columns as wide as the type needs, as many pages as it takes: each name measured where it
  // will stand (a long one wraps onto two lines), so that none is cut or runs off the screen. The names are
  // shared evenly between the pages' columns, so the last page is as full as the others instead of a column
  // and a half beside empty ones; a list too short to fill a screen's columns stands in fewer, centred.
  function paginate(seats) {
    const box = $("seats");
    box.replaceChildren();
    const em = parseFloat(getComputedStyle(box).fontSize);
    const probe = document.createElement("div");
    probe.className = "seat-page";
    box.append(probe);
    const gap = parseFloat(getComputedStyle(probe).columnGap) || 0;
    const count = Math.max(1, Math.floor((box.clientWidth + gap) / (COLUMN_EMS * em + gap)));
    box.style.setProperty("--columns", count);
    const column = document.createElement("ol");
    probe.append(column);
    const items = seats.map(seatItem);
    column.append(...items);
    const room = box.clientHeight;
    const heights = items.map((item) => item.getBoundingClientRect().height);
    const columns = shared(heights, room, count);
    const width = (box.clientWidth - (count - 1) * gap) / count;
    box.replaceChildren();
    pages = [];
    for (let first = 0; first < columns.length; first += count) {
      const page = document.createElement("div");
      page.className = "seat-page";
      const shown = columns.slice(first, first + count);
      if (shown.length < count) {
        page.style.setProperty("--columns", shown.length);
        page.style.width = shown.length * width + (shown.length - 1) * gap + "px";
      }
      page.append(...shown.map(([start, end]) => {
        const list = document.createElement("ol");
        list.append(...items.slice(start, end));
        return list;
      }));
      box.append(page);
      pages.push(page);
    }
  }

  // Which page of names is up: they turn every PAGE_SECONDS on the countdown's clock, paused or not.
  function turnPages() {
    const shown = pages.length ? Math.floor((Date.now() - shownSince) / 1000 / PAGE_SECONDS) % pages.length : 0;
    pages.forEach((page, index) => { page.hidden = index !== shown; });
    const marker = $("page");
    marker.hidden = pages.length < 2;
    marker.textContent = label("Page", { number: shown + 1, count: pages.length });
  }

  function showTime() {
    const current = steps[step];
    $("countdown").textContent = clock(remaining);
    $("countdown").hidden = current.kind === "over" || (current.kind === "join" && remaining <= 0);
    turnPages();
  }

  // The names of the changeover under way laid out for the room left once the header and countdown are shown.
  function layOutSeats() {
    const current = steps[step];
    $("seats").hidden = current.kind !== "join";
    pages = [];
    $("seats").replaceChildren();
    if (current.kind === "join") paginate(data.rounds[current.round].seats);
    turnPages();
  }

  function show() {
    const current = steps[step];
    const round = data.rounds[current.round];
    screen.dataset.kind = current.kind;
    $("round").textContent = label("Round", { number: round.number, count: data.rounds.length });
    $("theme").textContent = current.kind === "over" ? label("Over") :
      current.kind === "join" ? label("Join", { number: round.number }) : round.theme;
    $("prompt").textContent = current.kind === "round" ? round.prompt : "";
    showControls();
    showTime();
    layOutSeats();
  }

  function showControls() {
    $("start").textContent = running ? label("Pause") : label("Start");
    $("follow").setAttribute("aria-pressed", String(following));
  }

  function go(index, seconds) {
    step = Math.max(0, Math.min(steps.length - 1, index));
    remaining = seconds === undefined ? steps[step].minutes * 60 : seconds;
    shownSince = Date.now();
    show();
  }

  // The timetable says where the session stands at `now`: the round under way, or the changeover before it
  // (before round 1: the welcome), with the seconds left; after the last round, the end.
  function planned(now) {
    const at = (time) => new Date(data.date + "T" + time + ":00");
    for (let index = 0; index < data.rounds.length; index += 1) {
      const begins = at(data.rounds[index].start);
      const ends = at(data.rounds[index].end);
      if (now < begins) return { step: 2 * index, remaining: (begins - now) / 1000 };
      if (now < ends) return { step: 2 * index + 1, remaining: (ends - now) / 1000 };
    }
    return { step: steps.length - 1, remaining: 0 };
  }

  function follow() {
    const now = new Date();
    const position = planned(now);
    if (position.step !== step || !following) {
      if (following && position.step > step) chime();
      following = true;
      running = position.step < steps.length - 1;
      go(position.step, position.remaining);
    }
    remaining = position.remaining;
    showTime();
  }

  function tick() {
    const now = Date.now();
    if (following) {
      follow();
    } else if (running && last !== null) {
      remaining -= (now - last) / 1000;
      if (remaining <= 0) {
        chime();
        const next = step + 1;
        running = next < steps.length - 1;
        go(next);
      }
    }
    last = now;
    showTime();
  }

  // Any control taken by hand leaves the timetable: the organiser runs the room from then on.
  function byHand(change) {
    following = false;
    change();
    last = Date.now();
    showControls();
  }

  function toggle() {
    byHand(() => { running = !running; });
  }

  function today() {
    const now = new Date();
    const two = (number) => String(number).padStart(2, "0");
    return now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
  }

  // The seating of a re-plan (a late arrival, an absentee) replaces the one shown, the step and its countdown
  // kept; a plan of other rounds or times (planned anew) is the page loaded again. Unreachable, the server
  // may be stopping: the screen carries on with what it has.
  function refresh() {
    fetch(screen.dataset.refresh, { cache: "no-store" })
      .then((answer) => (answer.ok ? answer.json() : null))
      .then((fresh) => {
        if (!fresh || JSON.stringify(fresh) === JSON.stringify(data)) return;
        const same = (key) => fresh[key] === data[key];
        if (fresh.rounds.length !== data.rounds.length || !same("roundMinutes") || !same("changeoverMinutes")) {
          window.location.reload();
          return;
        }
        data = fresh;
        show();
      })
      .catch(() => {});
  }

  $("start").addEventListener("click", toggle);
  $("next").addEventListener("click", () => byHand(() => go(step + 1)));
  $("follow").addEventListener("click", follow);
  document.addEventListener("keydown", (event) => {
    if (event.target.closest && event.target.closest("input")) return;
    if (event.key === " ") { event.preventDefault(); toggle(); }
    if (event.key === "ArrowRight" || event.key === "PageDown") { event.preventDefault(); byHand(() => go(step + 1)); }
    if (event.key === "ArrowLeft" || event.key === "PageUp") { event.preventDefault(); byHand(() => go(step - 1)); }
  });
  window.addEventListener("resize", layOutSeats);
  // Opened on the day of the session, the screen follows its timetable; any other day, it waits for the organiser.
  if (data.date === today()) follow(); else go(0);
  window.setInterval(tick, 250);
  window.setInterval(refresh, REFRESH_SECONDS * 1000);
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-projection]").forEach(projection);
});
