package api

import (
	"context"
	"net/http"

	"github.com/purposefulcx/purposeful/wasm/course"
	"github.com/purposefulcx/purposeful/wasm/course/packaging"
)

// CourseAssets returns the compiled course program of a kind of course
// and the files beside it (wasm/page/build.CourseAssets does this with the
// go command). See [Config.CourseAssets].
type CourseAssets func(ctx context.Context, k course.Kind) (packaging.Assets, error)

// courseRoutes are the routes for LMS administrators (with an org key;
// on the local server, whose PublicOrg is set, the page's dialog needs none).
func courseRoutes() []route {
	return []route{
		{method: http.MethodPost, pattern: "/v1/courses/package", auth: authCreate, handle: coursePackage,
			doc: opDoc{id: "coursePackage", tag: "courses", summary: "Build a course package for an LMS (SCORM 1.2, SCORM 2004 3rd edition or cmi5) from {\"format\", \"course\"}; the same input gives the same zip",
				body: "CoursePackageRequest", resp: "file", errors: []int{401, 503}}},
	}
}

// coursePackage answers with the zip of the course in the body (a
// course.Config: the format and the course).
func coursePackage(c *call) error {
	var cfg course.Config
	if err := c.decode(&cfg); err != nil {
		return err
	}
	if cfg.Course == nil {
		return badRequest("the course is missing", FieldError{Path: "course", Message: "required"})
	}
	if err := cfg.Course.Validate(); err != nil {
		return inputProblem("course", err)
	}
	if c.h.cfg.CourseAssets == nil {
		return problem(http.StatusServiceUnavailable, TypeUnavailable, "this server cannot build course packages: run the local server from a checkout of the module")
	}
	a, err := c.h.cfg.CourseAssets(c.r.Context(), cfg.Course.Kind)
	if err != nil {
		return err
	}
	zip, err := packaging.Build(*cfg.Course, cfg.Format, a)
	if err != nil {
		return inputProblem("course", err)
	}
	c.w.Header().Set("Content-Disposition", `attachment; filename="`+course.FileName(cfg.Course, cfg.Format)+`"`)
	return c.writeRaw(http.StatusOK, "application/zip", zip)
}
