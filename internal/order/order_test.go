package order

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
)

type item struct {
	key  int
	name string
}

func byKey(a, b item) int { return cmp.Compare(a.key, b.key) }

func TestFuncSortsLikeSlices(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 3, 12, 13, 100, 1000} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			s := make([]int, n)
			for i := range s {
				s[i] = r.IntN(50)
			}
			want := slices.Clone(s)
			slices.Sort(want)
			Func(s, cmp.Compare[int])
			assert.Equal(t, want, s)
		})
	}
}

func TestStableKeepsOrderOfEquals(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	s := make([]item, 500)
	for i := range s {
		s[i] = item{key: r.IntN(10), name: strconv.Itoa(i)}
	}
	want := slices.Clone(s)
	slices.SortStableFunc(want, byKey)
	Stable(s, byKey)
	assert.Equal(t, want, s, "equal keys keep their original order")
}

func TestStrings(t *testing.T) {
	s := []string{"pear", "apple", "Zebra", "fig", "apple"}
	Strings(s)
	assert.Equal(t, []string{"Zebra", "apple", "apple", "fig", "pear"}, s)
}

func BenchmarkStable100(b *testing.B) {
	r := rand.New(rand.NewPCG(5, 6))
	src := make([]item, 100)
	for i := range src {
		src[i] = item{key: r.IntN(20)}
	}
	s := make([]item, len(src))
	b.ReportAllocs()
	for b.Loop() {
		copy(s, src)
		Stable(s, byKey)
	}
}
