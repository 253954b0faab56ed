'use client';
import { LessonsPage } from '../../../../components/lesson/lessons-page';

export default function WorkspaceLessonsPage() {
  return <LessonsPage />;
}
