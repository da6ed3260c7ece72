/*
 * A rough strength estimate for a new password, shown in the meter of templates/auth/password-rules.html
 * (no inline script: strict CSP). Advisory only, and computed in the browser: the password is not sent
 * anywhere before the form is. The server's password policy decides.
 */
(function () {
  "use strict";

  var LABELS = ["Very weak", "Weak", "Fair", "Good", "Strong"];
  var SEQUENCES = ["0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm"];

  function bits(password) {
    var chars = Array.from(password.normalize("NFKC"));
    if (chars.length === 0) {
      return 0;
    }
    var pool = 0;
    if (/[a-z]/.test(password)) { pool += 26; }
    if (/[A-Z]/.test(password)) { pool += 26; }
    if (/[0-9]/.test(password)) { pool += 10; }
    if (/[^a-zA-Z0-9]/.test(password)) { pool += 33; }
    var unique = new Set(chars.map(function (c) { return c.toLowerCase(); })).size;
    // Repeats and runs add little: count a character only once per run of the same or the next one.
    var effective = 0;
    var lower = password.toLowerCase();
    for (var i = 0; i < chars.length; i++) {
      var pair = lower.substr(i, 2);
      var run = i > 0 && (chars[i] === chars[i - 1] || SEQUENCES.some(function (s) {
        return pair.length === 2 && s.indexOf(pair) >= 0;
      }));
      effective += run ? 0.25 : 1;
    }
    return Math.log2(Math.max(pool, 2)) * Math.min(effective, unique * 2);
  }

  function score(password) {
    var b = bits(password);
    return b < 28 ? 0 : b < 40 ? 1 : b < 56 ? 2 : b < 72 ? 3 : 4;
  }

  function update(input) {
    var rules = document.querySelector('[data-password-rules="' + input.id + '"]');
    if (!rules) {
      return;
    }
    var meter = rules.querySelector("[data-strength-meter]");
    var label = rules.querySelector("[data-strength-label]");
    var length = Array.from(input.value.normalize("NFKC")).length;
    var s = input.value ? score(input.value) : 0;
    if (length < 12) {
      s = Math.min(s, 1);
    }
    meter.value = s;
    label.textContent = input.value
      ? LABELS[s] + (length < 12 ? " (" + length + " of at least 12 characters)" : "")
      : "Type a password";
  }

  document.addEventListener("input", function (evt) {
    var input = evt.target;
    if (input instanceof HTMLInputElement && input.id
        && document.querySelector('[data-password-rules="' + input.id + '"]')) {
      update(input);
    }
  });
})();
