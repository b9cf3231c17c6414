// Reports — call-center KPIs and staffing mathematics. (Being built.)
