"""Who may do what with session feedback, registered once by name (``cities.doors``): a
city's own people give feedback (the domain then checks they attended); staff and a
session's host read a session's feedback (the host without names if the program chose so).
A cohort's figures are staff's (``is_program_staff``)."""

from cities.doors import declare
from cities.rules import is_city_member, is_program_staff
from schedule.rules import is_session_host

declare(
    can_give_feedback=is_city_member,
    can_read_session_feedback=is_program_staff | is_session_host,
)
