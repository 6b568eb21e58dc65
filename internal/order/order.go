// Package order sorts slices with a comparison function, like
// [slices.SortFunc] and [slices.SortStableFunc], but through the one
// non-generic sorting code of package sort.
//
// Each element type given to the generic slices functions gets its own
// copy of the whole sorting algorithm, about 4-20 KB of WebAssembly per
// type. Each page load and each new worker instance starts Go afresh,
// and that start-up time grows with the binary, so the domain
// packages sort through here: each element type then costs a few hundred
// bytes. The price is a reflective swap, which is slower per element than
// the generic code; it matters little for the short lists sorted here.
package order

import "sort"

// Func sorts s in ascending order as determined by cmp (negative when
// a < b, zero when equal, positive when a > b). The sort is not
// guaranteed to be stable.
func Func[S ~[]E, E any](s S, cmp func(a, b E) int) {
	if len(s) < 2 {
		return
	}
	sort.Slice(s, func(i, j int) bool { return cmp(s[i], s[j]) < 0 })
}

// Stable sorts s like [Func] while keeping the original order of equal
// elements.
func Stable[S ~[]E, E any](s S, cmp func(a, b E) int) {
	if len(s) < 2 {
		return
	}
	sort.SliceStable(s, func(i, j int) bool { return cmp(s[i], s[j]) < 0 })
}

// Strings sorts s in increasing order.
func Strings(s []string) {
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
}
