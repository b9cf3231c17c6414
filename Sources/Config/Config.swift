// Config — the typed configuration and its validation. (Being built.)
