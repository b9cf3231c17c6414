// ACD — queues, agents and routing. (Being built.)
