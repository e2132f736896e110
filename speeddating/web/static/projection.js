// The projector page: rounds and changeovers in turn, each with its countdown; the room follows the screen.
"use strict";

function projection(screen) {
  const data = JSON.parse(document.getElementById("projection-data").textContent);
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
  let last = null;

  function clock(seconds) {
    const whole = Math.max(0, Math.ceil(seconds));
    return String(Math.floor(whole / 60)).padStart(2, "0") + ":" + String(whole % 60).padStart(2, "0");
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

  function show() {
    const current = steps[step];
    const round = data.rounds[current.round];
    screen.dataset.kind = current.kind;
    $("round").textContent = label("Round", { number: round.number, count: data.rounds.length });
    $("theme").textContent = current.kind === "over" ? label("Over") :
      current.kind === "join" ? label("Join", { number: round.number }) : round.theme;
    $("prompt").textContent = current.kind === "round" ? round.prompt : "";
    $("countdown").textContent = clock(remaining);
    $("countdown").hidden = current.kind === "over" || (current.kind === "join" && current.minutes === 0);
    const seats = $("seats");
    seats.hidden = current.kind !== "join";
    seats.replaceChildren(...(current.kind === "join" ? round.seats.map(([name, table]) => {
      const item = document.createElement("li");
      const who = document.createElement("span");
      who.textContent = name;
      const where = document.createElement("strong");
      where.textContent = label("Table", { number: table });
      item.append(who, where);
      return item;
    }) : []));
    $("start").textContent = running ? label("Pause") : label("Start");
  }

  function go(index) {
    step = Math.max(0, Math.min(steps.length - 1, index));
    remaining = steps[step].minutes * 60;
    show();
  }

  function tick() {
    const now = Date.now();
    if (running && last !== null) {
      remaining -= (now - last) / 1000;
      if (remaining <= 0) {
        chime();
        const next = step + 1;
        go(next);
        running = next < steps.length - 1;
      }
    }
    last = now;
    $("countdown").textContent = clock(remaining);
  }

  function toggle() {
    running = !running;
    last = Date.now();
    show();
  }

  // The timetable says where the session stands now: the round under way, or the changeover before it.
  function follow() {
    const now = new Date();
    const at = (time) => new Date(data.date + "T" + time + ":00");
    for (let index = 0; index < data.rounds.length; index += 1) {
      const round = data.rounds[index];
      const begins = at(round.start);
      const ends = at(round.end);
      if (now < begins) {
        go(2 * index);
        remaining = (begins - now) / 1000;
        running = true;
        last = Date.now();
        show();
        return;
      }
      if (now < ends) {
        go(2 * index + 1);
        remaining = (ends - now) / 1000;
        running = true;
        last = Date.now();
        show();
        return;
      }
    }
    go(steps.length - 1);
  }

  $("start").addEventListener("click", toggle);
  $("next").addEventListener("click", () => go(step + 1));
  $("follow").addEventListener("click", follow);
  document.addEventListener("keydown", (event) => {
    if (event.target.closest && event.target.closest("input")) return;
    if (event.key === " ") { event.preventDefault(); toggle(); }
    if (event.key === "ArrowRight" || event.key === "PageDown") { event.preventDefault(); go(step + 1); }
    if (event.key === "ArrowLeft" || event.key === "PageUp") { event.preventDefault(); go(step - 1); }
  });
  go(0);
  window.setInterval(tick, 250);
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-projection]").forEach(projection);
});
