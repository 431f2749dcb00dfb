// The main menu on a phone: folded behind the "Mục lục" button of the
// header, so that the page's content starts near the top of the screen.
// The stylesheet folds it only once this script has shown the button
// (the header's "has-menu" class): without JavaScript the menu stays open.

const header = document.querySelector(".site-header");
const button = header && header.querySelector(".menu-toggle");
const nav = button && document.getElementById(button.getAttribute("aria-controls"));
if (button && nav) {
  header.classList.add("has-menu");
  button.hidden = false;
  button.addEventListener("click", () => {
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("open", open);
  });
}
