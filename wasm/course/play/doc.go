// Package play runs a course of package course in the browser: it reads
// the course page's configuration, finds the LMS (a SCORM API object
// walking parent and opener windows, or the cmi5 launch parameters),
// begins the [course.Attempt], and joins it to the page's screens: the
// page's services reporting grades and analyses to the attempt
// ([Services]), the screens' saved text kept in the LMS's suspend data
// ([Host]), the course bar ([Bar]) and the standards course's own screen
// ([StandardsScreen]).
//
// The LMS logic is plain Go in package course; only the calls into the
// browser (js_wasm.go, cmi5_wasm.go, open_wasm.go) need js&&wasm.
package play
