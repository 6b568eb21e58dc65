// The test LMS of the SCORM end-to-end tests: scorm-again's run-time API
// as window.API (SCORM 1.2) or window.API_1484_11 (SCORM 2004), the
// unzipped package in a frame, and a log of what the package called.
"use strict";
window.lms = { calls: [], sets: {}, commits: 0, finished: 0, initialized: 0 };

// launch installs the API for version ("12" or "2004"), loads what the LMS
// kept from earlier sessions (preload, a partial CMI object), and opens the
// package at url in the frame.
window.launch = function (version, preload, url) {
  install(version, preload);
  document.getElementById("sco").src = url;
};

// launchPopup opens the package in a new window instead, the way LMSs
// that launch courses in their own window do: the course finds the API
// through window.opener.
window.launchPopup = function (version, url) {
  install(version, null);
  lms.popup = window.open(url, "course", "width=1000,height=700");
};

function install(version, preload) {
  var api, prefix;
  if (version === "12") {
    api = new Scorm12API({ autocommit: false, logLevel: 5 });
    window.API = api;
    prefix = "LMS";
  } else {
    api = new Scorm2004API({ autocommit: false, logLevel: 5 });
    window.API_1484_11 = api;
    prefix = "";
  }
  if (preload) {
    api.loadFromJSON(preload);
  }
  api.on(prefix + "Initialize", function () { lms.initialized++; lms.calls.push("Initialize"); });
  api.on(prefix + "Commit", function () { lms.commits++; lms.calls.push("Commit"); });
  api.on(version === "12" ? "LMSFinish" : "Terminate", function () { lms.finished++; lms.calls.push("Finish"); });
  api.on(prefix + "SetValue.cmi.*", function (el, v) { lms.sets[el] = String(v); });
}

// close unloads the package, as a learner closing the course would.
window.closeCourse = function () {
  document.getElementById("sco").src = "about:blank";
};

// frameDoc returns the package's document, in the frame or the popup.
window.frameDoc = function () {
  return lms.popup ? lms.popup.document : document.getElementById("sco").contentDocument;
};
