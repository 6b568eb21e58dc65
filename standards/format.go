package standards

import "strconv"

// formatNumber writes v without trailing zeros ("3", "0.5").
func formatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// formatFixed writes v with prec decimals.
func formatFixed(v float64, prec int) string { return strconv.FormatFloat(v, 'f', prec, 64) }

// percent writes a share in [0,1] as a whole percentage ("83%").
func percent(v float64) string { return strconv.FormatFloat(v*100, 'f', 0, 64) + "%" }
