/* Evaluation functions of the site's own content checks (partnerships/editorial/content_checks.py).
   Loaded after Wagtail's userbar.js; Wagtail configures axe with them on window load.
   Each returns true when the element passes. */
(function () {
  "use strict";

  var userbar = window.wagtail && window.wagtail.userbar;
  if (!userbar || typeof userbar.registerCheck !== "function") {
    return;
  }

  function normalise(text) {
    return (text || "")
      .toLowerCase()
      .replace(/\s+/g, " ")
      .replace(/^[\s.,:;!?…»«›‹>→\-–—"„“”']+|[\s.,:;!?…»«›‹>→\-–—"„“”']+$/g, "");
  }

  // An image needs an alt attribute with text, or alt="" for a decorative image; in previews
  // the server marks images whose "Alternativtext" is missing.
  userbar.registerCheck("sp-check-alternativtext", function (node, options) {
    if (!node.hasAttribute("alt")) {
      return false;
    }
    var alt = node.getAttribute("alt");
    if (alt.length > 0 && alt.trim().length === 0) {
      return false;
    }
    var marker = node.getAttribute(options.attribute) || "";
    return marker.split(" ").indexOf(options.marker) === -1;
  });

  // The link's text (or its aria-label, which replaces it for screen readers) must say more
  // than "hier", "mehr", "weiter" …
  userbar.registerCheck("sp-check-linktext", function (node, options) {
    var name = node.getAttribute("aria-label") || node.textContent;
    return options.texts.indexOf(normalise(name)) === -1;
  });

  // Leichte Sprache: one short statement per line ...
  function words(text) {
    return (text || "").split(/\s+/).filter(function (word) {
      return /[0-9A-Za-zÄÖÜäöüß]/.test(word);
    });
  }

  userbar.registerCheck("sp-check-satzlaenge", function (node, options) {
    return words(node.textContent).length <= options.maxWords;
  });

  // ... and no long word unless split with the Mediopunkt (·) or a hyphen.
  userbar.registerCheck("sp-check-wortlaenge", function (node, options) {
    return words(node.textContent).every(function (word) {
      return word.split(/[·\-]/).every(function (part) {
        return part.replace(/[^0-9A-Za-zÄÖÜäöüß]/g, "").length <= options.maxLetters;
      });
    });
  });

  // The server knows whether the page's search description is empty (see the configuration).
  userbar.registerCheck("sp-check-suchbeschreibung", function (node, options) {
    return !options.missing;
  });
})();
