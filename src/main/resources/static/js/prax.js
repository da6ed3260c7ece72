/*
 * Prax — small behaviours for the server-rendered UI. No inline script is allowed (CSP), so
 * everything is wired here by event delegation on data attributes:
 *
 *   htmx requests        carry the CSRF header from <meta name="csrf-header|csrf-token">
 *   [data-confirm]       on a form or button: window.confirm(message) before it submits/acts
 *   [data-nav-toggle]    opens/closes the sidebar on narrow screens; [data-nav-close] closes it
 *   [data-menu-toggle]   opens/closes the menu named by aria-controls (Escape/outside click close)
 *   details.popover      closes on Escape/outside click
 *   [data-password-toggle] shows/hides the password input named by aria-controls
 *   [data-dismiss]       removes the surrounding flash message (nothing is dismissed automatically)
 *   tr[data-row-link]    a click anywhere on the row follows the row's first link
 *   input[type=file][data-max-bytes]  refuses a file larger than the server accepts, before uploading it
 */
(function () {
  "use strict";

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute("content") : "";
  }

  /* ---- CSRF header on every htmx request ---- */
  document.addEventListener("htmx:configRequest", function (evt) {
    var header = meta("csrf-header");
    var token = meta("csrf-token");
    if (header && token) {
      evt.detail.headers[header] = token;
    }
  });

  /* ---- Confirmation for dangerous actions ---- */
  // Capture phase, so a declined confirm stops the event before htmx or the browser act on it.
  document.addEventListener("submit", function (evt) {
    var form = evt.target;
    if (!(form instanceof HTMLFormElement)) {
      return;
    }
    var submitter = evt.submitter;
    var message = submitter && submitter.hasAttribute("data-confirm")
      ? submitter.getAttribute("data-confirm")
      : form.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      evt.preventDefault();
      evt.stopImmediatePropagation();
      return;
    }
    // A revealed password goes back to a password field before it is sent (password managers).
    form.querySelectorAll("[data-password-toggle]").forEach(function (btn) {
      var input = document.getElementById(btn.getAttribute("aria-controls"));
      if (input && input.type === "text") {
        input.type = "password";
        var label = btn.querySelector("[data-toggle-label]");
        if (label) {
          label.textContent = "Show";
        }
      }
    });
  }, true);

  document.addEventListener("click", function (evt) {
    var el = evt.target.closest("[data-confirm]");
    if (!el || el instanceof HTMLFormElement) {
      return;
    }
    // Submit buttons of a form are confirmed in the submit handler above (once, not twice).
    var isSubmitButton = (el instanceof HTMLButtonElement && el.type === "submit" && el.form) ||
      (el instanceof HTMLInputElement && (el.type === "submit" || el.type === "image") && el.form);
    if (isSubmitButton) {
      return;
    }
    if (!window.confirm(el.getAttribute("data-confirm"))) {
      evt.preventDefault();
      evt.stopImmediatePropagation();
    }
  }, true);

  /* ---- Sidebar on narrow screens ---- */
  function navToggles() {
    return document.querySelectorAll("[data-nav-toggle]");
  }

  function isNavOpen() {
    return document.body.classList.contains("nav-open");
  }

  function setNav(open, returnFocus) {
    document.body.classList.toggle("nav-open", open);
    navToggles().forEach(function (btn) {
      btn.setAttribute("aria-expanded", open ? "true" : "false");
      btn.setAttribute("aria-label", open ? "Close menu" : "Open menu");
    });
    var sidebar = document.getElementById("sidebar");
    if (open && sidebar) {
      var target = sidebar.querySelector('[aria-current="page"]') || sidebar.querySelector("a, button");
      if (target) {
        // After the transition has made the sidebar visible, so focus is not lost.
        window.requestAnimationFrame(function () { target.focus(); });
      }
    } else if (!open && returnFocus) {
      var toggle = navToggles()[0];
      if (toggle) {
        toggle.focus();
      }
    }
  }

  /* ---- Menus (user menu) ---- */
  function menuFor(toggle) {
    var id = toggle.getAttribute("aria-controls");
    return id ? document.getElementById(id) : null;
  }

  function setMenu(toggle, open) {
    var menu = menuFor(toggle);
    if (!menu) {
      return;
    }
    menu.classList.toggle("is-open", open);
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function closeMenus(except) {
    document.querySelectorAll('[data-menu-toggle][aria-expanded="true"]').forEach(function (toggle) {
      if (toggle !== except) {
        setMenu(toggle, false);
      }
    });
  }

  function closePopovers(except) {
    document.querySelectorAll("details.popover[open]").forEach(function (details) {
      if (details !== except) {
        details.removeAttribute("open");
      }
    });
  }

  /* ---- Clicks ---- */
  document.addEventListener("click", function (evt) {
    var target = evt.target;

    var navToggle = target.closest("[data-nav-toggle]");
    if (navToggle) {
      setNav(!isNavOpen(), false);
      return;
    }
    if (target.closest("[data-nav-close]")) {
      setNav(false, true);
      return;
    }

    var menuToggle = target.closest("[data-menu-toggle]");
    if (menuToggle) {
      var open = menuToggle.getAttribute("aria-expanded") !== "true";
      closeMenus(menuToggle);
      closePopovers(null);
      setMenu(menuToggle, open);
      if (open) {
        var menu = menuFor(menuToggle);
        var first = menu && menu.querySelector("a, button");
        if (first && evt.detail === 0) {
          // Opened from the keyboard: move into the menu.
          first.focus();
        }
      }
      return;
    }

    // Outside clicks close open menus and popovers.
    document.querySelectorAll('[data-menu-toggle][aria-expanded="true"]').forEach(function (toggle) {
      var menu = menuFor(toggle);
      if (!menu || !menu.contains(target)) {
        setMenu(toggle, false);
      }
    });
    closePopovers(target.closest("details.popover"));

    var dismiss = target.closest("[data-dismiss]");
    if (dismiss) {
      var box = dismiss.closest(".flash, .alert");
      if (box) {
        box.remove();
        var content = document.getElementById("content");
        if (content) {
          content.focus();
        }
      }
      return;
    }

    var revealer = target.closest("[data-password-toggle]");
    if (revealer) {
      var input = document.getElementById(revealer.getAttribute("aria-controls"));
      if (input) {
        var show = input.type === "password";
        input.type = show ? "text" : "password";
        var label = revealer.querySelector("[data-toggle-label]");
        if (label) {
          label.textContent = show ? "Hide" : "Show";
        }
      }
      return;
    }

    var row = target.closest("tr[data-row-link]");
    if (row && !target.closest("a, button, input, select, textarea, label, summary, details")) {
      var selection = window.getSelection && window.getSelection();
      if (selection && selection.toString().length > 0) {
        return; // the user is selecting text, not navigating
      }
      var link = row.querySelector("a[href]");
      if (link) {
        if (evt.ctrlKey || evt.metaKey || evt.shiftKey) {
          window.open(link.href, "_blank", "noopener");
        } else {
          link.click();
        }
      }
    }
  });

  /* ---- Keyboard ---- */
  document.addEventListener("keydown", function (evt) {
    if (evt.key !== "Escape") {
      return;
    }
    var openToggle = document.querySelector('[data-menu-toggle][aria-expanded="true"]');
    if (openToggle) {
      setMenu(openToggle, false);
      openToggle.focus();
      evt.preventDefault();
      return;
    }
    var popover = document.querySelector("details.popover[open]");
    if (popover) {
      popover.removeAttribute("open");
      var summary = popover.querySelector("summary");
      if (summary) {
        summary.focus();
      }
      evt.preventDefault();
      return;
    }
    if (isNavOpen()) {
      setNav(false, true);
      evt.preventDefault();
    }
  });

  // Close a menu, or the narrow-screen sidebar, when keyboard focus moves out of it.
  document.addEventListener("focusin", function (evt) {
    var target = evt.target;
    document.querySelectorAll('[data-menu-toggle][aria-expanded="true"]').forEach(function (toggle) {
      var menu = menuFor(toggle);
      if (target !== toggle && menu && !menu.contains(target)) {
        setMenu(toggle, false);
      }
    });
    var sidebar = document.getElementById("sidebar");
    if (isNavOpen() && sidebar && !sidebar.contains(target) && !target.closest("[data-nav-toggle]")) {
      setNav(false, false);
    }
  });

  /* ---- Popovers: focus the first field when one opens ---- */
  document.addEventListener("toggle", function (evt) {
    var details = evt.target;
    if (details instanceof HTMLDetailsElement && details.classList.contains("popover") && details.open) {
      closePopovers(details);
      closeMenus(null);
      var field = details.querySelector(".popover-panel input:not([type=hidden]), .popover-panel button");
      if (field) {
        field.focus();
      }
    }
  }, true);

  /* ---- File inputs: say at once when a file is over the upload limit ---- */
  document.addEventListener("change", function (evt) {
    var input = evt.target;
    if (!(input instanceof HTMLInputElement) || input.type !== "file" || !input.hasAttribute("data-max-bytes")) {
      return;
    }
    var max = Number(input.getAttribute("data-max-bytes"));
    var tooLarge = Array.prototype.some.call(input.files || [], function (file) { return file.size > max; });
    input.setCustomValidity(tooLarge
      ? "This file is larger than " + (input.getAttribute("data-max-label") || max + " bytes") + "; choose a smaller one."
      : "");
    if (tooLarge) {
      input.reportValidity();
    }
  });

  /* ---- Page setup ---- */
  function init() {
    // The show/hide password buttons only make sense with this script running.
    document.querySelectorAll("[data-password-toggle]").forEach(function (btn) {
      btn.hidden = false;
    });
    // Leaving the narrow layout with the sidebar open must not leave the page locked.
    if (window.matchMedia) {
      var wide = window.matchMedia("(min-width: 901px)");
      var onChange = function () {
        if (wide.matches && isNavOpen()) {
          setNav(false, false);
        }
      };
      if (wide.addEventListener) {
        wide.addEventListener("change", onChange);
      }
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
