// Package device is the page's key-value storage on the user's device:
// the [Storage] every screen saves to (localStorage mirrored into
// IndexedDB in the browser, see wasm/page/internal/jsdom; the learner's
// attempt in a course package, see wasm/course/play; a [MapStorage] in
// tests).
//
//	var s device.Storage = device.MapStorage{}
//	_ = s.Set("purposeful.current", "g1")
//	id, _ := s.Get("purposeful.current")
package device

// Storage is the key-value store documents live in.
type Storage interface {
	Get(key string) (string, bool)
	Set(key, value string) error
	Remove(key string)
	// Keys lists every key, sorted.
	Keys() []string
}

// MapStorage is an in-memory [Storage].
type MapStorage map[string]string

func (m MapStorage) Get(k string) (string, bool) { v, ok := m[k]; return v, ok }
func (m MapStorage) Set(k, v string) error       { m[k] = v; return nil }
func (m MapStorage) Remove(k string)             { delete(m, k) }

// Keys lists the keys in byte order.
func (m MapStorage) Keys() []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	for i := 1; i < len(out); i++ { // insertion sort keeps generic sort code out of the wasm
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
