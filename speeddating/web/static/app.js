// The page's own behaviour, kept out of the HTML (the Content-Security-Policy allows no inline script).
"use strict";

// Attendee list: a file dropped on the zone, or chosen, is sent at once (the Import button stays for keyboards).
function setUpUpload(form) {
  const zone = form.querySelector("[data-dropzone]");
  const input = form.querySelector("input[type=file]");
  input.addEventListener("change", () => { if (input.files.length) form.submit(); });
  ["dragenter", "dragover"].forEach((name) => zone.addEventListener(name, (event) => {
    event.preventDefault();
    zone.classList.add("dragging");
  }));
  ["dragleave", "drop"].forEach((name) => zone.addEventListener(name, () => zone.classList.remove("dragging")));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      form.submit();
    }
  });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("form[data-upload]").forEach(setUpUpload);
});

// Plan: when the progress stream says "done", the page reloads to show the plan (or why there is none).
document.addEventListener("htmx:sseClose", (event) => {
  if (event.target.closest("[data-reload-on-close]") && event.detail && event.detail.type === "message") {
    window.location.reload();
  }
});

// Import: a column chosen in a select reads the file again at once (the button stays for keyboards).
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("form[data-autosubmit]").forEach((form) => {
    form.querySelectorAll("select").forEach((select) => select.addEventListener("change", () => form.submit()));
  });
});

// A file chosen is named beside its button, which the page draws in its own language (see file_choice.html).
document.addEventListener("change", (event) => {
  const input = event.target;
  const shown = input instanceof HTMLInputElement && input.type === "file" && input.files.length
    ? input.closest(".file-choice").querySelector("[data-file-name]") : null;
  if (shown) shown.textContent = input.files[0].name;
});

// A long list of people (On the day: 300 of them): only the rows whose name or organisation hold every word
// typed, accents and case aside. The words stay for this tab's next load of the page, since each mark reloads it.
const folded = (text) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

function setUpFind(input) {
  const rows = [...document.querySelector(input.dataset.find).tBodies[0].rows];
  const said = input.parentElement.querySelector("[data-found]");
  const key = "find:" + window.location.pathname;
  const texts = rows.map((row) => folded(row.cells[0].textContent + " " + row.cells[1].textContent));
  function apply() {
    const words = folded(input.value).split(/\s+/).filter(Boolean);
    let shown = 0;
    rows.forEach((row, index) => {
      row.hidden = !words.every((word) => texts[index].includes(word));
      if (!row.hidden) shown += 1;
    });
    said.textContent = words.length ? said.dataset.label.replace("{shown}", shown).replace("{count}", rows.length) : "";
    window.sessionStorage.setItem(key, input.value);
  }
  input.value = window.sessionStorage.getItem(key) || "";
  input.addEventListener("input", apply);
  apply();
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("input[data-find]").forEach(setUpFind);
});
