// The main navigation on phones: the server sends a <details> (it works without JavaScript);
// this module turns it into a disclosure button with aria-expanded and aria-controls.
// Escape closes it and returns focus to the button; CSS shows the list on wide screens.
const nav = document.querySelector("[data-main-nav]");
const details = nav?.querySelector("details");

if (details) {
  const summary = details.querySelector("summary");
  const list = details.querySelector("ul");
  const panel = document.createElement("div");
  panel.className = details.className;
  const button = document.createElement("button");
  button.type = "button";
  button.className = summary.className;
  button.append(...summary.childNodes);
  button.setAttribute("aria-controls", list.id);
  panel.append(button, list);
  details.replaceWith(panel);

  const setOpen = (open) => {
    button.setAttribute("aria-expanded", String(open));
    panel.classList.toggle("is-open", open);
  };
  setOpen(false);

  button.addEventListener("click", () => {
    const open = button.getAttribute("aria-expanded") !== "true";
    setOpen(open);
    if (open) list.querySelector("a")?.focus();
  });
  nav.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      button.focus();
    }
  });
  // Leaving the menu with Tab (or clicking elsewhere) closes it.
  nav.addEventListener("focusout", (event) => {
    if (event.relatedTarget && !nav.contains(event.relatedTarget)) setOpen(false);
  });
}
