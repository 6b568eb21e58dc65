// Opens the AU in the frame with the launch query the test puts after #
// (the cmi5 launch URL's parameters), or the package without any LMS.
"use strict";
document.getElementById("sco").src = "/pkg/index.html" + (location.hash.length > 1 ? "?" + location.hash.slice(1) : "");
