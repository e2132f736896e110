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
