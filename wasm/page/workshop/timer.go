package workshop

import (
	"strconv"
	"time"
)

// Timer is the research time-box: any length, pausable and extendable.
// The fields are the stored form: the length, the running time banked by
// earlier runs, and while running the moment it started, so a reload keeps
// counting.
type Timer struct {
	LengthSeconds int64     `json:"length_seconds"`
	UsedMillis    int64     `json:"used_ms"`
	Running       bool      `json:"running"`
	Started       time.Time `json:"started,omitzero"`
}

// Length returns the time-box length.
func (t Timer) Length() time.Duration { return time.Duration(t.LengthSeconds) * time.Second }

// SetLength sets the time-box length (whole seconds, at least zero).
func (t *Timer) SetLength(d time.Duration) { t.LengthSeconds = max(int64(d/time.Second), 0) }

// Used returns the running time banked by earlier runs.
func (t Timer) Used() time.Duration { return time.Duration(t.UsedMillis) * time.Millisecond }

// Elapsed returns the running time so far.
func (t Timer) Elapsed(now time.Time) time.Duration {
	e := t.Used()
	if t.Running {
		if d := now.Sub(t.Started); d > 0 {
			e += d
		}
	}
	return e
}

// Remaining returns the time left; negative once over time.
func (t Timer) Remaining(now time.Time) time.Duration { return t.Length() - t.Elapsed(now) }

// Start runs the timer from now (resuming if paused).
func (t *Timer) Start(now time.Time) {
	if !t.Running {
		t.Running, t.Started = true, now
	}
}

// Pause stops the clock, keeping the time used.
func (t *Timer) Pause(now time.Time) {
	if t.Running {
		t.UsedMillis = int64(t.Elapsed(now) / time.Millisecond)
		t.Running, t.Started = false, time.Time{}
	}
}

// Extend adds d to the length (d may be negative; length stays >= 0).
func (t *Timer) Extend(d time.Duration) {
	t.SetLength(t.Length() + d)
}

// Reset stops the timer and clears the time used.
func (t *Timer) Reset() { t.UsedMillis, t.Running, t.Started = 0, false, time.Time{} }

// Clock formats a duration as m:ss (or h:mm:ss), with a leading minus
// when over time.
func Clock(d time.Duration) string {
	sign := ""
	if d < 0 {
		sign, d = "-", -d
	}
	s := int64((d + time.Second - 1) / time.Second) // round up: 0:01 until the very end
	if sign == "-" {
		s = int64(d / time.Second)
	}
	h, m, sec := s/3600, (s/60)%60, s%60
	two := func(v int64) string {
		if v < 10 {
			return "0" + strconv.FormatInt(v, 10)
		}
		return strconv.FormatInt(v, 10)
	}
	if h > 0 {
		return sign + strconv.FormatInt(h, 10) + ":" + two(m) + ":" + two(sec)
	}
	return sign + strconv.FormatInt(m, 10) + ":" + two(sec)
}

// Spoken formats a duration for screen readers: "12 minutes left".
func Spoken(d time.Duration) string {
	if d <= 0 {
		return "Time is up"
	}
	m := int64((d + time.Minute - 1) / time.Minute)
	if m == 1 {
		return "1 minute left"
	}
	return strconv.FormatInt(m, 10) + " minutes left"
}
