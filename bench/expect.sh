# Sourced by the tmux scripts (smoke.sh, workflows.sh): they define
# screen() (capture the pane) and set $step and $script before calling.

# expect TEXT...: wait until every TEXT is on the screen, up to 30 s: CI runs
# this on a loaded 2-core machine (the sign-in's key derivation, a cold
# start); a healthy run returns as soon as the screen shows the text.
expect() {
	i=0
	while :; do
		ok=1
		s=$(screen)
		for want in "$@"; do
			case "$s" in *"$want"*) ;; *) ok=0 ;; esac
		done
		[ $ok = 1 ] && return 0
		i=$((i + 1))
		if [ $i -ge 300 ]; then
			echo "$script [$step]: screen lacks one of: $*"
			echo "----- screen -----"
			echo "$s"
			echo "------------------"
			exit 1
		fi
		sleep 0.1
	done
}
