// Package tz holds the one time zone the dossier shows: China Standard Time,
// UTC+8, without daylight saving (Asia/Shanghai since 1991). It is a fixed
// zone rather than time.LoadLocation("Asia/Shanghai") so that a machine
// without tzdata shows the same times, and its name is written out as
// "UTC+8" wherever a time is printed.
package tz

import "time"

// Shanghai is UTC+8, named "UTC+8".
var Shanghai = time.FixedZone("UTC+8", 8*3600)
