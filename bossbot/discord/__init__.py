"""Discord frontend: spec -> slash and prefix commands, actions, delivery."""
