"""Work supervisors (werkmeesters): staff with their own week, and the department dayparts
that may not run without one."""
