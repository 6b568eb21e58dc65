package packaging_test

import (
	"archive/zip"
	"bytes"
	"fmt"

	"github.com/purposefulcx/purposeful/wasm/course"
	"github.com/purposefulcx/purposeful/wasm/course/packaging"
)

// A cmi5 package of the recovery practice: the course structure first,
// then the course page and its program. Real assets come from
// wasm/page/build.CourseAssets; these stand-ins are only copied.
func ExampleBuild() {
	c := course.Course{Version: course.Version, Kind: course.Recovery, Title: "Recovery practice", Mastery: 80}
	assets := packaging.Assets{Program: []byte("\x00asm"), Exec: []byte("// exec"), Loader: []byte("// loader"), Style: []byte("/* style */")}
	data, err := packaging.Build(c, course.CMI5, assets)
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range r.File {
		fmt.Println(f.Name, f.Modified.Year())
	}
	_, err = packaging.Build(c, course.CMI5, packaging.Assets{})
	fmt.Println(err)
	// Output:
	// cmi5.xml 2020
	// index.html 2020
	// style.css 2020
	// loader.js 2020
	// wasm_exec.js 2020
	// course.wasm 2020
	// course: assets missing: program, wasm_exec.js, loader.js and style.css are all needed
}
