// Package e2e runs the course packages of package course in Chromium
// inside test LMSs: host pages (testdata) that install scorm-again as the
// SCORM 1.2 or SCORM 2004 run-time API and load the unzipped package in a
// frame, and a small cmi5 LMS in Go in front of the xapi-statements LRS.
// The npm packages come from .ci/setup-course.sh; Chromium from
// .ci/setup-browser.sh.
package e2e
